import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import argon2 from 'argon2';
import { PEPPERED_ADMIN_HASH_MARK } from '../../../src/central/security/adminPasswords.js';
import type { CentralStorage } from '../../../src/central/storage/centralStorage.js';
import { openCentralStorage } from '../../../src/central/storage/openCentralStorage.js';
import { kioskPaths } from '../../../src/store/index.js';
import { backendDatabases, CENTRAL_BACKENDS, type BackendDatabases } from '../../support/centralBackends.js';
import { ADMIN, createAdminWithCli, http, removeDir, runCli, startCentralProcess, tempDir, type CentralProcess } from '../../support/centralProcess.js';

// Issue 11, finding 6: admin password hashes carry the site pepper as argon2's secret.
describe.each(CENTRAL_BACKENDS)('admin password hashes peppered with the site secret on %s', (backend) => {
  let dir: string;
  let dbs: BackendDatabases;
  let db: string;
  let central: CentralProcess;
  let storage: CentralStorage;
  let pepper: Buffer;

  const storedHash = async (username: string) =>
    (await storage.db.selectFrom('admins').select('password_hash').where('username', '=', username).executeTakeFirstOrThrow()).password_hash;
  const login = (username: string, password: string) => http(`${central.url}/api/v1/admin/session`, 'POST', { username, password });

  beforeAll(async () => {
    dir = await tempDir('bk-admin-pepper-');
    dbs = await backendDatabases(backend, dir);
    db = await dbs.fresh('pepper');
    await createAdminWithCli(dir, db);
    central = await startCentralProcess({ dataDir: dir, db });
    storage = await openCentralStorage(db);
    pepper = await readFile(kioskPaths(dir).pepper);
  });
  afterAll(async () => {
    await storage?.close();
    await central?.stop();
    dbs?.stop();
    if (dir) await removeDir(dir);
  });

  it('central admin create stores a peppered hash: a stolen database without the pepper file cannot check a guess', async () => {
    const hash = await storedHash(ADMIN.username);
    expect(hash.startsWith(PEPPERED_ADMIN_HASH_MARK)).toBe(true);
    const phc = hash.slice(PEPPERED_ADMIN_HASH_MARK.length);
    // The attacker holds the database and guesses the right password, but not the pepper.
    expect(await argon2.verify(phc, ADMIN.password)).toBe(false);
    expect(await argon2.verify(phc, ADMIN.password, { secret: pepper })).toBe(true);
    expect((await login(ADMIN.username, 'a wrong but long password')).status).toBe(401);
    expect((await login(ADMIN.username, ADMIN.password)).status).toBe(200);
  });

  it("a hash stored by the old code still signs in and is upgraded to the peppered form at that login, with nothing extra audited", async () => {
    const password = 'an old administrator password';
    // What main stored before: argon2id with the same parameters and no secret, no mark.
    const oldHash = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    await storage.write((tx) => tx.db.insertInto('admins').values({ id: randomUUID(), username: 'legacy', password_hash: oldHash, created_at: Date.now(), disabled: 0 }).execute());

    expect((await login('legacy', 'not the old password at all')).status).toBe(401);
    expect(await storedHash('legacy')).toBe(oldHash);

    expect((await login('legacy', password)).status).toBe(200);
    const upgraded = await storedHash('legacy');
    expect(upgraded.startsWith(PEPPERED_ADMIN_HASH_MARK)).toBe(true);
    const phc = upgraded.slice(PEPPERED_ADMIN_HASH_MARK.length);
    expect(await argon2.verify(phc, password)).toBe(false);
    expect(await argon2.verify(phc, password, { secret: pepper })).toBe(true);

    expect((await login('legacy', password)).status).toBe(200);
    expect((await login('legacy', 'not the old password at all')).status).toBe(401);
    const audit = await storage.db.selectFrom('audit').select(['kind', 'outcome', 'details']).where('actor', '=', 'legacy').orderBy('n').execute();
    expect(audit.map((a) => `${a.kind} ${a.outcome}`)).toEqual(['admin.login failure', 'admin.login success', 'admin.login success', 'admin.login failure']);
    expect(JSON.stringify(audit)).not.toMatch(/argon2|peppered/);
  });

  it('a password change stores a peppered hash', async () => {
    const first = await login(ADMIN.username, ADMIN.password);
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    const newPassword = 'a brand new admin password';
    const changed = await http(`${central.url}/api/v1/admin/password`, 'PUT', { currentPassword: ADMIN.password, newPassword }, { cookie, 'x-csrf-token': first.body.csrfToken });
    expect(changed.status).toBe(204);
    const phc = (await storedHash(ADMIN.username)).slice(PEPPERED_ADMIN_HASH_MARK.length);
    expect(await argon2.verify(phc, newPassword, { secret: pepper })).toBe(true);
    expect(await argon2.verify(phc, newPassword)).toBe(false);
    expect((await login(ADMIN.username, newPassword)).status).toBe(200);
  });

  it("central admin create refuses a site's database when the pepper file is missing, naming the file, and creates nothing", async () => {
    const missing = path.join(dir, 'nowhere', 'pepper');
    const created = await runCli(['--data-dir', dir, 'central', 'admin', 'create', '--db', db, '--username', 'nopepper', '--pepper-file', missing], { input: 'a long enough password\n' });
    expect(created).toMatchObject({ code: 1, stderr: expect.stringContaining(missing) });
    expect(await storage.db.selectFrom('admins').select('username').where('username', '=', 'nopepper').executeTakeFirst()).toBeUndefined();
  });
});
