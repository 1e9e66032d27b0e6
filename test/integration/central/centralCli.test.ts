import { execFileSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import https from 'node:https';
import path from 'node:path';
import { kioskPaths } from '../../../src/store/index.js';
import {
  adminLogin,
  createAdminWithCli,
  removeDir,
  runCli,
  startCentralProcess,
  tempDir,
  type CentralProcess,
} from '../../support/centralProcess.js';
import { userSignIn } from '../../support/userWebClient.js';

describe('badgekiosk central, kiosk enroll and sync commands', () => {
  let dir: string;
  let db: string;
  let central: CentralProcess;

  beforeAll(async () => {
    dir = await tempDir('bk-central-cli-');
    db = `sqlite:${path.join(dir, 'central.sqlite')}`;
    await createAdminWithCli(dir, db);
    central = await startCentralProcess({ dataDir: dir, db });
  });
  afterAll(async () => {
    await central?.stop();
    if (dir) await removeDir(dir);
  });

  it('central admin create reads the password from a pipe, refuses weak passwords and existing names, and needs --username', async () => {
    expect(await runCli(['--data-dir', dir, 'central', 'admin', 'create', '--db', db, '--username', 'piped'], { input: 'a long piped password\n' })).toMatchObject({ code: 0, stdout: 'Administrator piped created.\n' });
    expect((await adminLoginAs(central.url, 'piped', 'a long piped password')).status).toBe(200);
    expect(await runCli(['--data-dir', dir, 'central', 'admin', 'create', '--db', db, '--username', 'weak'], { input: 'short\n' })).toMatchObject({ code: 1, stderr: expect.stringMatching(/at least 12 characters/) });
    expect(await runCli(['--data-dir', dir, 'central', 'admin', 'create', '--db', db, '--username', 'piped'], { input: 'another long password\n' })).toMatchObject({ code: 1, stderr: expect.stringMatching(/already exists/) });
    expect(await runCli(['--data-dir', dir, 'central', 'admin', 'create', '--db', db])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--username/) });
  });

  it('central refuses a bad --listen or half a TLS pair with usage (exit 2)', async () => {
    expect(await runCli(['--data-dir', dir, 'central', '--listen', 'nowhere'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/HOST:PORT/) });
    expect(await runCli(['--data-dir', dir, 'central', '--listen', '127.0.0.1:0', '--tls-cert', 'x.pem'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--tls-key/) });
  });

  it('central takes --user-sign-ins-per-minute for the User web sign-in limit, and refuses a bad one with usage (exit 2)', async () => {
    for (const bad of ['0', '2.5', 'ten', '100001']) {
      expect(await runCli(['--data-dir', dir, 'central', '--listen', '127.0.0.1:0', '--user-sign-ins-per-minute', bad]))
        .toMatchObject({ code: 2, stderr: expect.stringContaining(`--user-sign-ins-per-minute must be an integer from 1 to 100000, got "${bad}"`) });
    }
    const strict = await startCentralProcess({ dataDir: dir, db, extraArgs: ['--user-sign-ins-per-minute', '2'] });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await userSignIn(strict.url, { method: 'card', cardNumber: '999999', pin: '0000' })).answer.status);
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await strict.stop();
    }
  });

  it('a never-enrolled kiosk reports standalone; enroll stores the token 0600 and syncs; sync status and sync now report the link', async () => {
    const kiosk = path.join(dir, 'kiosk');
    expect(await runCli(['--data-dir', kiosk, 'sync', 'status'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^standalone: .*local store is the authority/) });
    expect(await runCli(['--data-dir', kiosk, 'sync', 'now'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^standalone/) });
    const refused = await runCli(['--data-dir', kiosk, 'kiosk', 'enroll', '--central', central.url, '--code', 'AAAA-BBBB-CCCC']);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringMatching(/Enrollment refused: .*unknown, already used, expired or revoked/) });

    const admin = await adminLogin(central.url);
    await admin.call('POST', '/api/v1/admin/users', { username: 'zoe', primaryCard: '7770001' });
    const code = (await admin.call('POST', '/api/v1/admin/kiosks', { name: 'Front desk' })).body.enrollmentCode as string;
    const enrolled = await runCli(['--data-dir', kiosk, 'kiosk', 'enroll', '--central', central.url, '--code', code]);
    expect(enrolled).toMatchObject({ code: 0, stdout: expect.stringMatching(/Enrolled as kiosk "Front desk".*\nSynced: 1 users\./s), stderr: expect.stringMatching(/syncing: 100%/) });
    expect((await stat(kioskPaths(kiosk).kioskToken)).mode & 0o777).toBe(0o600);
    expect((await stat(kioskPaths(kiosk).pepper)).mode & 0o777).toBe(0o600);
    const status = await runCli(['--data-dir', kiosk, 'sync', 'status', '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ state: 'online', centralUrl: central.url, pending: 0 });
    const card = await runCli(['--data-dir', kiosk, 'users', 'show', 'zoe']);
    expect(card.stdout).toMatch(/7770001/);

    await central.stop();
    const offline = await runCli(['--data-dir', kiosk, 'sync', 'now']);
    expect(offline).toMatchObject({ code: 1, stdout: expect.stringMatching(/state: +offline[\s\S]*last error: .*cannot be reached/) });
  });

  it('serves HTTPS with --tls-cert and --tls-key', async () => {
    const cert = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const secure = await startCentralProcess({ dataDir: path.join(dir, 'tls'), db: `sqlite:${path.join(dir, 'tls.sqlite')}`, extraArgs: ['--tls-cert', cert, '--tls-key', key] });
    try {
      expect(secure.url).toMatch(/^https:\/\//);
      const ca = await readFile(cert);
      const body = await new Promise<string>((resolve, reject) => {
        https.get(`${secure.url}/api/v1/health`, { ca }, (response) => {
          let text = '';
          response.on('data', (d) => (text += d));
          response.on('end', () => resolve(text));
        }).on('error', reject);
      });
      expect(JSON.parse(body)).toMatchObject({ status: 'ok' });
    } finally {
      await secure.stop();
    }
  });
});

async function adminLoginAs(url: string, username: string, password: string) {
  const response = await fetch(`${url}/api/v1/admin/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  return { status: response.status };
}

