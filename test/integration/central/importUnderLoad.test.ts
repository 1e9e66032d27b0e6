import httpClient from 'node:http';
import { randomUUID } from 'node:crypto';
import { backendDatabases, CENTRAL_BACKENDS, type BackendDatabases } from '../../support/centralBackends.js';
import {
  adminLogin,
  createAdminWithCli,
  removeDir,
  startCentralProcess,
  tempDir,
  type AdminSession,
  type CentralProcess,
} from '../../support/centralProcess.js';
import { answerOf, bigUsersCsv, healthAnswersDuring, startImport } from '../../support/importUnderLoad.js';
import { enrollBareKiosk } from '../../support/liveChannelClient.js';
import type { CentralHttpClient } from '../../../src/sync/centralHttpClient.js';

// Issue 11, finding 3, on a real central process and both backends: a big CSV import leaves the
// store answering (health, a kiosk's push) while it runs, and stays all-or-nothing, kill -9 included.
// Progress is judged by order of events, never by time.
const ROWS = 30_000;

describe.each(CENTRAL_BACKENDS)('a big CSV import on %s', (backend) => {
  let dir: string;
  let dbs: BackendDatabases;
  let db: string;
  let central: CentralProcess;
  let admin: AdminSession;
  let kiosk: CentralHttpClient;
  let userId: string;

  const auth = () => ({ cookie: admin.cookie, 'x-csrf-token': admin.csrfToken });
  const userCount = async () => (await admin.call('GET', '/api/v1/admin/users?limit=1')).body.total as number;
  const start = async () => {
    central = await startCentralProcess({ dataDir: dir, db });
    admin = await adminLogin(central.url);
  };

  beforeAll(async () => {
    dir = await tempDir('bk-import-load-');
    dbs = await backendDatabases(backend, dir);
    db = await dbs.fresh('importload');
    await createAdminWithCli(dir, db);
    await start();
    const created = await admin.call('POST', '/api/v1/admin/users', { username: 'pusher', primaryCard: '42424242' });
    expect(created.status).toBe(201);
    userId = created.body.id;
    kiosk = (await enrollBareKiosk(admin, central.url, 'pushing kiosk')).client;
  });

  afterAll(async () => {
    await central?.stop();
    dbs?.stop();
    if (dir) await removeDir(dir);
  });

  it('keeps answering health and commits a kiosk push while it runs, then imports every row', async () => {
    const before = await userCount();
    const running = startImport(central.url, bigUsersCsv(ROWS, 'load', 30_000_000), auth());
    const events: string[] = [];
    let pushed: Promise<unknown> | undefined;
    const answered = running.answer.then((answer) => {
      events.push('import answered');
      return answer;
    });
    const healthCount = await healthAnswersDuring(central.url, running.sent, answered, (count) => {
      // Two health answers after the whole file was sent: the import is under way; now a kiosk writes.
      if (count === 2) {
        pushed = kiosk.push([{ idempotencyKey: `load-${randomUUID()}`, command: { type: 'login-succeeded', userId, at: Date.now() } }], 60_000)
          .then((results) => events.push(`push ${results[0]?.status}`));
      }
    });
    const answer = await answered;
    await pushed;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ imported: ROWS, withPin: 0 });
    expect(healthCount).toBeGreaterThanOrEqual(3);
    expect(events).toEqual(['push accepted', 'import answered']);
    expect(await userCount()).toBe(before + ROWS);
  });

  it('imports nothing when the last row is bad, and names only its line', async () => {
    const before = await userCount();
    const running = startImport(central.url, bigUsersCsv(ROWS, 'tail', 40_000_000, 'tailbad,Bad,not-an-email,49999999,,'), auth());
    const answer = await running.answer;
    expect(answer.status).toBe(422);
    expect(JSON.parse(answer.body)).toMatchObject({ problemCount: 1, problems: [{ line: ROWS + 2, reason: 'bad email address' }] });
    expect(await userCount()).toBe(before);
  });

  it('refuses a streamed (chunked) file that grows past 32 MiB with 413, importing nothing (finding 2: the body is streamed, the limit still holds)', async () => {
    const before = await userCount();
    const url = new URL('/api/v1/admin/users/import', central.url);
    const request = httpClient.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'text/csv', ...auth() } });
    const answer = answerOf(request);
    request.on('error', () => undefined);
    const rows = bigUsersCsv(10_000, 'huge', 60_000_000);
    const rest = rows.slice(rows.indexOf('\n') + 1);
    request.write(rows);
    // Unchunked by any content-length: only counting on the way can stop it.
    for (let sent = rows.length; sent <= 33 * 1024 * 1024 && !request.destroyed; sent += rest.length) {
      if (!request.write(rest)) await new Promise((resolve) => request.once('drain', resolve));
    }
    request.end();
    const refused = await answer;
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'too-large' } });
    expect(await userCount()).toBe(before);
  });

  it('leaves nothing behind when the central process is killed mid-import, and the same file imports after a restart', async () => {
    const before = await userCount();
    const csv = bigUsersCsv(ROWS, 'killed', 50_000_000);
    const running = startImport(central.url, csv, auth());
    let killed: Promise<void> | undefined;
    // Polling stops with an error once the process is gone.
    await healthAnswersDuring(central.url, running.sent, running.answer, (count) => {
      if (count === 2) killed = central.kill();
    }).catch(() => undefined);
    expect(killed).toBeDefined();
    await killed;
    await expect(running.answer).rejects.toThrow();
    await start();
    expect(await userCount()).toBe(before);
    const again = await startImport(central.url, csv, auth()).answer;
    expect(again.status).toBe(200);
    expect(JSON.parse(again.body)).toEqual({ imported: ROWS, withPin: 0 });
    expect(await userCount()).toBe(before + ROWS);
  });
});
