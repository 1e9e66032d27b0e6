import { existsSync } from 'node:fs';
import path from 'node:path';
import { startTestPostgres, type TestPostgres } from '../../support/centralPostgres.js';
import { CentralHttpClient } from '../../../src/sync/centralHttpClient.js';
import { enrollTestKiosk, type TestKiosk } from '../../support/centralKiosk.js';
import { enrollBareKiosk, openLiveChannel } from '../../support/liveChannelClient.js';
import {
  adminLogin,
  createAdminWithCli,
  eventually,
  http,
  removeDir,
  runCli,
  startCentralProcess,
  tempDir,
  type CentralProcess,
} from '../../support/centralProcess.js';

/** Several central processes serving one site from one PostgreSQL database (DESIGN §5). */
describe('central store processes sharing one PostgreSQL database', () => {
  let dir: string;
  let postgres: TestPostgres;
  let db: string;
  let pepper: string;
  let one: CentralProcess;
  let two: CentralProcess;
  let A: TestKiosk;
  let B: TestKiosk;

  beforeAll(async () => {
    dir = await tempDir('bk-cluster-');
    postgres = await startTestPostgres();
    db = await postgres.createDatabase('cluster');
    pepper = path.join(dir, 'shared', 'pepper');
    await createAdminWithCli(dir, db, pepper);
    [one, two] = await Promise.all([
      startCentralProcess({ dataDir: path.join(dir, 'one'), db, extraArgs: ['--pepper-file', pepper] }),
      startCentralProcess({ dataDir: path.join(dir, 'two'), db, extraArgs: ['--pepper-file', pepper] }),
    ]);
  });

  afterAll(async () => {
    await A?.close();
    await B?.close();
    await one?.stop();
    await two?.stop();
    postgres?.stop();
    if (dir) await removeDir(dir);
  });

  it('a PIN change made through one process reaches a kiosk listening on the other (LISTEN/NOTIFY)', async () => {
    const adminOne = await adminLogin(one.url);
    const adminTwo = await adminLogin(two.url);
    const user = (await adminOne.call('POST', '/api/v1/admin/users', { username: 'alice', primaryCard: '4440001', pin: '2580' })).body;
    A = await enrollTestKiosk(one.url, adminOne, 'A');
    // B never pulls on its timer during this test: only an announcement can bring the change.
    B = await enrollTestKiosk(two.url, adminTwo, 'B', { pullIntervalMs: 3_600_000 });
    await eventually(() => A.sync.status().live && B.sync.status().live, 'both live channels');
    const before = B.store.uow.repos.users.findById(user.id)!.pinHash;
    expect((await A.self.changePin(user.id, '2580', '1397', '1397')).ok).toBe(true);
    await eventually(() => B.store.uow.repos.users.findById(user.id)!.pinHash !== before, 'the change on kiosk B', 10_000);
    expect((await B.self.authenticate({ via: 'card', cardNumber: '4440001' }, '1397')).ok).toBe(true);
  });

  it('Card/ID changes through both processes at once stay unique and within the daily limit', async () => {
    const admin = await adminLogin(one.url);
    const bob = (await admin.call('POST', '/api/v1/admin/users', { username: 'bob', primaryCard: '4440002' })).body;
    await eventually(() => A.store.uow.repos.users.findById(bob.id) && B.store.uow.repos.users.findById(bob.id), 'bob on both kiosks');
    const answers = await Promise.all([A, B, A, B, A, B].map((k) => k.sync.requestCardChange({ idempotencyKey: `race-${Math.random().toString(36).slice(2)}`, userId: bob.id, field: 'primary', manualNumber: null })));
    expect(answers.filter((a) => a.ok)).toHaveLength(3);
    expect(answers.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.error.code))).toEqual(['daily-limit', 'daily-limit', 'daily-limit']);
    const numbers = answers.flatMap((a) => (a.ok ? [a.value.cardNumber] : []));
    expect(new Set(numbers).size).toBe(3);
  });

  it('a process started with another pepper file refuses to serve the site', async () => {
    const other = await runCli(['--data-dir', path.join(dir, 'three'), 'central', '--db', db, '--listen', '127.0.0.1:0']);
    expect(other.code).toBe(1);
    // Refused before any secret is written (issue 15, item 10): no stray pepper file is left behind.
    expect(other.stderr).toMatch(/pepper file .* does not exist, but this central database already belongs to site/);
    expect(existsSync(path.join(dir, 'three', 'secrets', 'pepper'))).toBe(false);
  });

  it('a kiosk revoked through one process is refused by the other on its very next request, and its live channel there ends at once (issue 10)', async () => {
    const admin = await adminLogin(one.url);
    const kiosk = await enrollBareKiosk(admin, one.url, 'to-revoke');
    const onTwo = new CentralHttpClient({ baseUrl: two.url, token: kiosk.token });
    // Process two has the token in its cache from here on.
    for (let i = 0; i < 3; i++) expect((await onTwo.changes(0, 1)).latest).toBeGreaterThanOrEqual(0);
    const live = await openLiveChannel(two.url, kiosk.token);
    const revoked = await admin.call('POST', `/api/v1/admin/kiosks/${kiosk.kioskId}/revoke`);
    expect(revoked.status).toBe(200);
    const next = await http(`${two.url}/api/v1/kiosk/changes?after=0`, 'GET', undefined, { authorization: `Bearer ${kiosk.token}` });
    expect(next.status).toBe(401);
    expect(await live.endedWithin(2_000)).toBe(true);
  });

  it('reports not ready while PostgreSQL is down and recovers, live announcements included, when it returns', async () => {
    postgres.pause();
    await eventually(async () => (await http(`${one.url}/api/v1/ready`, 'GET')).status === 503, 'process one to report not ready');
    postgres.resume();
    await eventually(async () => (await http(`${one.url}/api/v1/ready`, 'GET')).status === 200, 'process one to be ready again', 20_000);
    await eventually(async () => (await http(`${two.url}/api/v1/ready`, 'GET')).status === 200, 'process two to be ready again', 20_000);
    const admin = await adminLogin(two.url);
    const user = (await admin.call('POST', '/api/v1/admin/users', { username: 'carol', primaryCard: '4440003' })).body;
    await eventually(() => A.store.uow.repos.users.findById(user.id), 'a change after the outage on kiosk A', 20_000);
  });
});
