import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { adminLogin, createAdminWithCli, startCentralProcess, type AdminSession, type CentralProcess } from './centralProcess.js';
import { SLAPD_PEOPLE, SLAPD_ROOT_DN, type TestSlapd } from './directorySlapd.js';

export const BIND_PASSWORD = 'directory-root-pass';

/** Sets a configuration key through the admin API, failing loudly with the server's reason. */
export async function setCentralConfig(admin: AdminSession, name: string, value: unknown): Promise<void> {
  const answer = await admin.call('PUT', `/api/v1/admin/config/${name}`, { value });
  if (answer.status !== 200) throw new Error(`config ${name}: ${JSON.stringify(answer.body)}`);
}

/** An applied directory sync through the admin route; its report, failing with the server's answer otherwise. */
export async function syncAsAdmin(admin: AdminSession) {
  const answer = await admin.call('POST', '/api/v1/admin/directory/sync', { dryRun: false });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

/**
 * A real `badgekiosk central` process wired to a test slapd: an administrator, the service
 * account's password in a 0600 file given with --directory-bind-password-file, and the
 * directory.ldap.* keys set (card attribute employeeNumber unless told otherwise).
 */
// A file's journeys sign in far more than 20 times a minute from one address (the default limit).
const SIGN_INS = ['--user-sign-ins-per-minute', '1000'];

export async function startDirectoryCentral(
  dir: string,
  db: string,
  slapd: TestSlapd,
  options: { readonly cardAttribute?: string } = {},
): Promise<{ central: CentralProcess; admin: AdminSession; passwordFile: string }> {
  await createAdminWithCli(dir, db);
  const passwordFile = path.join(dir, 'bind-password');
  await writeFile(passwordFile, `${BIND_PASSWORD}\n`, { mode: 0o600 });
  const central = await startCentralProcess({ dataDir: dir, db, extraArgs: ['--directory-bind-password-file', passwordFile, ...SIGN_INS] });
  const admin = await adminLogin(central.url);
  await setCentralConfig(admin, 'directory.ldap.url', slapd.url);
  await setCentralConfig(admin, 'directory.ldap.base-dn', SLAPD_PEOPLE);
  await setCentralConfig(admin, 'directory.ldap.bind-dn', SLAPD_ROOT_DN);
  await setCentralConfig(admin, 'directory.ldap.card-attribute', options.cardAttribute ?? 'employeeNumber');
  return { central, admin, passwordFile };
}
