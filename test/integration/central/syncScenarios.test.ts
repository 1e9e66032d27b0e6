import { DAILY_LIMIT_MESSAGE } from '../../../src/core/index.js';
import { kioskPaths, openKioskStore } from '../../../src/store/index.js';
import { fileTokenStore } from '../../../src/sync/index.js';
import { backendDatabases, CENTRAL_BACKENDS, type BackendDatabases } from '../../support/centralBackends.js';
import { enrollTestKiosk, type TestKiosk } from '../../support/centralKiosk.js';
import {
  adminLogin,
  createAdminWithCli,
  eventually,
  freePort,
  http,
  removeDir,
  runCli,
  startCentralProcess,
  tempDir,
  type AdminSession,
  type CentralProcess,
} from '../../support/centralProcess.js';

const ALICE_CARD = '11110001';
const BOB_CARD = '11110002';

describe.each(CENTRAL_BACKENDS)('central store and two kiosks on %s', (backend) => {
  let dir: string;
  let dbs: BackendDatabases;
  let db: string;
  let port: number;
  let central: CentralProcess;
  let admin: AdminSession;
  let A: TestKiosk;
  let B: TestKiosk;
  let alice: { id: string };
  let bob: { id: string };
  let dave: { id: string };
  let erin: { id: string };
  const crowd: { id: string; username: string }[] = [];

  beforeAll(async () => {
    dir = await tempDir('bk-central-');
    dbs = await backendDatabases(backend, dir);
    db = await dbs.fresh('sync');
    port = await freePort();
    await createAdminWithCli(dir, db);
    central = await startCentralProcess({ dataDir: dir, db, port });
    admin = await adminLogin(central.url);
    alice = (await admin.call('POST', '/api/v1/admin/users', { username: 'alice', displayName: 'Alice', primaryCard: ALICE_CARD, pin: '2580' })).body;
    bob = (await admin.call('POST', '/api/v1/admin/users', { username: 'bob', displayName: 'Bob', primaryCard: BOB_CARD, pin: '3691' })).body;
    dave = (await admin.call('POST', '/api/v1/admin/users', { username: 'dave', primaryCard: '11110004', pin: '4826' })).body;
    erin = (await admin.call('POST', '/api/v1/admin/users', { username: 'erin', primaryCard: '11110005', pin: '5937' })).body;
    const rows = Array.from({ length: 20 }, (_, i) => `crowd${i},Crowd ${i},,${30000000 + i},,`);
    const imported = await admin.call('POST', '/api/v1/admin/users/import', ['username,name,email,primary_card,secondary_card,pin', ...rows].join('\n') + '\n');
    expect(imported.body).toEqual({ imported: 20, withPin: 0 });
    const listed = await admin.call('GET', '/api/v1/admin/users?search=crowd&limit=100');
    crowd.push(...listed.body.users);
    A = await enrollTestKiosk(central.url, admin, 'A');
    B = await enrollTestKiosk(central.url, admin, 'B');
  });

  afterAll(async () => {
    await A?.close();
    await B?.close();
    await central?.stop();
    dbs?.stop();
    if (dir) await removeDir(dir);
  });

  it('a PIN changed on kiosk A authenticates on kiosk B, and the old PIN is refused there', async () => {
    expect((await A.self.authenticate({ via: 'card', cardNumber: ALICE_CARD }, '2580')).ok).toBe(true);
    const before = B.store.uow.repos.users.findById(alice.id)!.pinHash;
    expect(await A.self.changePin(alice.id, '2580', '1397', '1397')).toEqual({ ok: true, value: undefined });
    await eventually(() => B.store.uow.repos.users.findById(alice.id)!.pinHash !== before, 'the new PIN hash on kiosk B');
    expect((await B.self.authenticate({ via: 'card', cardNumber: ALICE_CARD }, '1397')).ok).toBe(true);
    const old = await B.self.authenticate({ via: 'card', cardNumber: ALICE_CARD }, '2580');
    expect(old.ok ? null : old.error.code).toBe('wrong-pin');
    expect((await B.self.authenticate({ via: 'card', cardNumber: ALICE_CARD }, '1397')).ok).toBe(true);
  });

  it('three Card/ID regenerations on A and B together are allowed; the fourth on either is refused with the exact message', async () => {
    const numbers: string[] = [];
    for (const kiosk of [A, B, A]) {
      const changed = await kiosk.self.regenerateCard(bob.id);
      if (!changed.ok) throw new Error(changed.error.message);
      numbers.push(changed.value.cardNumber);
    }
    expect(new Set(numbers).size).toBe(3);
    for (const kiosk of [B, A]) {
      const fourth = await kiosk.self.regenerateCard(bob.id);
      expect(fourth.ok).toBe(false);
      if (!fourth.ok) expect(fourth.error).toMatchObject({ code: 'daily-limit', message: DAILY_LIMIT_MESSAGE });
    }
    const onCentral = await admin.call('GET', `/api/v1/admin/users/${bob.id}`);
    expect(onCentral.body.primaryCard).toBe(numbers[2]);
    await eventually(() => B.store.uow.repos.users.findById(bob.id)!.primaryCard === numbers[2], 'the last number on kiosk B');
  });

  it('20 concurrent regeneration requests for different users never produce a duplicate number', async () => {
    // Four digits, and 8,000 of the 9,000 numbers already held: a draw that skipped the uniqueness check would collide.
    const filler = Array.from({ length: 8_000 }, (_, i) => `filler${i},,,${1000 + i},,`);
    const imported = await admin.call('POST', '/api/v1/admin/users/import', ['username,name,email,primary_card,secondary_card,pin', ...filler].join('\n') + '\n');
    expect(imported.body).toEqual({ imported: 8_000, withPin: 0 });
    const set = await admin.call('PUT', '/api/v1/admin/config/card-id.generated-length', { value: 4 });
    expect(set.status).toBe(200);
    await eventually(() => A.store.configValues()['card-id.generated-length'] === 4 && B.store.configValues()['card-id.generated-length'] === 4, 'the new length on both kiosks');
    const results = await Promise.all(crowd.map((user, i) => (i % 2 === 0 ? A : B).self.regenerateCard(user.id)));
    const numbers = results.map((r) => (r.ok ? r.value.cardNumber : `refused: ${r.error.message}`));
    expect(numbers.filter((n) => !/^9\d{3}$/.test(n))).toEqual([]);
    expect(new Set(numbers).size).toBe(20);
    const all = (await admin.call('GET', '/api/v1/admin/users?limit=1000&search=crowd')).body.users as { primaryCard: string | null; secondaryCard: string | null }[];
    const held = all.flatMap((u) => [u.primaryCard, u.secondaryCard]).filter((n) => n !== null);
    expect(new Set(held).size).toBe(held.length);
  });

  it('wrong PINs on A and B count together: the user is locked out on both kiosks', async () => {
    for (let i = 0; i < 3; i++) {
      const wrong = await A.self.authenticate({ via: 'card', cardNumber: '11110004' }, '0000');
      expect(wrong.ok ? null : wrong.error.code).toBe('wrong-pin');
    }
    await eventually(() => B.store.uow.repos.users.findById(dave.id)!.failedAttempts === 3, "A's failures on kiosk B");
    const fourth = await B.self.authenticate({ via: 'card', cardNumber: '11110004' }, '0000');
    expect(fourth.ok ? null : fourth.error).toMatchObject({ code: 'wrong-pin', details: { attemptsLeft: 1 } });
    const fifth = await B.self.authenticate({ via: 'card', cardNumber: '11110004' }, '0000');
    expect(fifth.ok ? null : fifth.error.code).toBe('locked-out');
    await eventually(() => A.store.uow.repos.users.findById(dave.id)!.lockedUntil !== null, 'the lock on kiosk A');
    const right = await A.self.authenticate({ via: 'card', cardNumber: '11110004' }, '4826');
    expect(right.ok ? null : right.error.code).toBe('locked-out');
    expect((await admin.call('GET', `/api/v1/admin/users/${dave.id}`)).body).toMatchObject({ failedAttempts: 5, lockedUntil: expect.any(Number) });
  });

  it('a command the central store refuses is undone on the kiosk by the next pull', async () => {
    const rejected: string[] = [];
    const off = A.sync.onEvent((event) => {
      if (event.type === 'rejected') rejected.push(`${event.command}:${event.code}`);
    });
    await A.sync.stop();
    const centralHash = A.store.uow.repos.users.findById(erin.id)!.pinHash;
    expect((await A.self.changePin(erin.id, '5937', '6048', '6048')).ok).toBe(true);
    expect((await A.self.authenticate({ via: 'card', cardNumber: '11110005' }, '6048')).ok).toBe(true);
    // Disabled centrally while kiosk A was cut off: its queued PIN change is refused when it arrives.
    expect((await admin.call('PATCH', `/api/v1/admin/users/${erin.id}`, { disabled: true })).body.disabled).toBe(true);
    A.sync.start();
    await eventually(() => A.sync.status().pending === 0 && A.store.uow.repos.users.findById(erin.id)!.pinHash === centralHash, 'the refusal to reach kiosk A');
    off();
    expect(rejected).toContain('pin-changed:user-disabled');
    expect((await admin.call('PATCH', `/api/v1/admin/users/${erin.id}`, { disabled: false })).body.disabled).toBe(false);
    await eventually(() => A.store.uow.repos.users.findById(erin.id)!.disabled === false, 'erin enabled again on kiosk A');
    expect((await A.self.authenticate({ via: 'card', cardNumber: '11110005' }, '5937')).ok).toBe(true);
  });

  it('an offline PIN change that reaches the central store after an administrator\'s reset is ordered by its arrival (issue 11, finding 4)', async () => {
    await A.sync.stop();
    expect((await A.self.changePin(erin.id, '5937', '6048', '6048')).ok).toBe(true);
    expect((await admin.call('POST', `/api/v1/admin/users/${erin.id}/reset-pin`)).body.hasPin).toBe(false);
    A.sync.start();
    await eventually(async () => (await admin.call('GET', `/api/v1/admin/users/${erin.id}`)).body.hasPin === true, 'the PIN change on the central store');
    await eventually(() => B.store.uow.repos.users.findById(erin.id)!.pinHash !== null, 'the PIN on kiosk B');
    expect((await B.self.authenticate({ via: 'card', cardNumber: '11110005' }, '6048')).ok).toBe(true);
  });

  it('with the central store killed, A keeps authenticating; after the restart each queued command arrives exactly once', async () => {
    await central.kill();
    expect((await A.self.authenticate({ via: 'card', cardNumber: ALICE_CARD }, '1397')).ok).toBe(true);
    expect((await A.self.changePin(alice.id, '1397', '4826', '4826')).ok).toBe(true);
    for (let i = 0; i < 2; i++) {
      const wrong = await A.self.authenticate({ via: 'card', cardNumber: ALICE_CARD }, '9999');
      expect(wrong.ok ? null : wrong.error.code).toBe('wrong-pin');
    }
    expect((await A.self.authenticate({ via: 'card', cardNumber: ALICE_CARD }, '4826')).ok).toBe(true);
    const regenerate = await A.self.regenerateCard(alice.id);
    expect(regenerate.ok ? null : regenerate.error.code).toBe('central-unreachable');
    await eventually(() => A.sync.status().state === 'offline', 'kiosk A to notice');
    const queued = A.store.db.prepare('SELECT idempotency_key AS key, type FROM outbox WHERE delivered_at IS NULL').all() as { key: string; type: string }[];
    expect(queued.map((q) => q.type)).toEqual(['login-succeeded', 'pin-changed', 'failed-attempt', 'failed-attempt', 'login-succeeded']);

    central = await startCentralProcess({ dataDir: dir, db, port });
    admin = await adminLogin(central.url);
    await eventually(() => A.sync.status().pending === 0 && A.sync.status().state === 'online', 'kiosk A to deliver its outbox');
    const audit = (await admin.call('GET', `/api/v1/admin/audit?kioskId=${A.kioskId}&limit=10000`)).body.events as { details: { idempotencyKey?: string } }[];
    for (const { key } of queued) expect(audit.filter((e) => e.details.idempotencyKey === key)).toHaveLength(1);
    const user = (await admin.call('GET', `/api/v1/admin/users/${alice.id}`)).body;
    expect(user.failedAttempts).toBe(0);
    await eventually(async () => (await B.self.authenticate({ via: 'card', cardNumber: ALICE_CARD }, '4826')).ok, 'the offline PIN change on kiosk B', 20_000);
  });

  // Three CLI processes and 600 commands: slow on a loaded machine, so it gets more than the default 30 s.
  it('a kiosk killed with SIGKILL in the middle of a push loses nothing and duplicates nothing', { timeout: 120_000 }, async () => {
    const kioskDir = await tempDir('bk-kiosk-C-');
    let pusher: ReturnType<typeof runCliChild> | undefined;
    try {
      const code = (await admin.call('POST', '/api/v1/admin/kiosks', { name: 'C' })).body.enrollmentCode as string;
      const enrolled = await runCli(['--data-dir', kioskDir, 'kiosk', 'enroll', '--central', central.url, '--code', code]);
      expect(enrolled.code).toBe(0);
      const store = openKioskStore({ file: kioskPaths(kioskDir).db });
      const kioskId = store.kv.get('central.kiosk-id')!;
      const total = 600;
      store.uow.transaction((repos) => {
        for (let i = 0; i < total; i++) repos.outbox.enqueue(`sigkill-${i}-${kioskId}`, { type: 'login-succeeded', userId: bob.id, at: Date.now() });
      });
      store.close();

      const auditCount = async (limit = 10_000) =>
        ((await admin.call('GET', `/api/v1/admin/audit?kioskId=${kioskId}&kind=auth.success&limit=${limit}`)).body.events as unknown[]).length;
      const child = runCliChild(['--data-dir', kioskDir, 'sync', 'now']);
      pusher = child;
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await eventually(async () => (await auditCount(1)) > 0, 'the first commands to arrive', 60_000);
      child.kill('SIGKILL');
      await exited;
      const applied = await auditCount();
      expect(applied).toBeGreaterThan(0);
      expect(applied).toBeLessThan(total);

      const again = await runCli(['--data-dir', kioskDir, 'sync', 'now']);
      expect(again.code).toBe(0);
      const events = (await admin.call('GET', `/api/v1/admin/audit?kioskId=${kioskId}&kind=auth.success&limit=10000`)).body.events as { details: { idempotencyKey: string } }[];
      expect(events).toHaveLength(total);
      expect(new Set(events.map((e) => e.details.idempotencyKey)).size).toBe(total);
      const reopened = openKioskStore({ file: kioskPaths(kioskDir).db });
      expect(reopened.outbox.pending(10)).toHaveLength(0);
      reopened.close();
    } finally {
      // A pusher left running (this test failing early) would keep writing into the next tests' audit log.
      if (pusher && pusher.exitCode === null && pusher.signalCode === null) pusher.kill('SIGKILL');
      await removeDir(kioskDir);
    }
  });

  it("a revoked kiosk token is refused, and a kiosk can read neither another kiosk's commands nor any admin route", async () => {
    const tokenA = (await fileTokenStore(A.dataDir).read())!;
    const tokenB = (await fileTokenStore(B.dataDir).read())!;
    const asA = { authorization: `Bearer ${tokenA}` };
    const asB = { authorization: `Bearer ${tokenB}` };
    const keyOfA = (A.store.db.prepare('SELECT idempotency_key FROM outbox ORDER BY seq DESC LIMIT 1').pluck().get() as string);
    expect((await http(`${central.url}/api/v1/kiosk/commands/${keyOfA}`, 'GET', undefined, asA)).status).toBe(200);
    const foreign = await http(`${central.url}/api/v1/kiosk/commands/${keyOfA}`, 'GET', undefined, asB);
    expect(foreign.status).toBe(404);
    for (const route of ['/api/v1/admin/users', '/api/v1/admin/kiosks', '/api/v1/admin/audit', '/api/v1/admin/config']) {
      const answer = await http(`${central.url}${route}`, 'GET', undefined, asA);
      expect(answer.status).toBe(401);
      expect(answer.body.error.message).toMatch(/Administrator/);
    }

    const code = (await admin.call('POST', '/api/v1/admin/kiosks', { name: 'D' })).body.enrollmentCode as string;
    const enrolled = await http(`${central.url}/api/v1/kiosk/enroll`, 'POST', { code });
    const asD = { authorization: `Bearer ${enrolled.body.token}` };
    expect((await http(`${central.url}/api/v1/kiosk/changes?after=0&limit=1`, 'GET', undefined, asD)).status).toBe(200);
    expect((await http(`${central.url}/api/v1/kiosk/enroll`, 'POST', { code })).status).toBe(403);
    const stream = await fetch(`${central.url}/api/v1/kiosk/live`, { headers: asD });
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const revoked = await admin.call('POST', `/api/v1/admin/kiosks/${enrolled.body.kioskId}/revoke`);
    expect(revoked.body.state).toBe('revoked');
    const refused = await http(`${central.url}/api/v1/kiosk/changes?after=0`, 'GET', undefined, asD);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('unauthorized');
    expect((await http(`${central.url}/api/v1/kiosk/live`, 'GET', undefined, asD)).status).toBe(401);
    // The open live channel of the revoked kiosk ends.
    const reader = stream.body!.getReader();
    for (;;) if ((await reader.read()).done) break;
  });

  it('malformed, oversized and out-of-schema requests get a 4xx with a reason and change nothing', async () => {
    const tokenA = (await fileTokenStore(A.dataDir).read())!;
    const asA = { authorization: `Bearer ${tokenA}` };
    const snapshot = async () => ({
      latest: (await http(`${central.url}/api/v1/kiosk/changes?after=0&limit=1`, 'GET', undefined, asA)).body.latest as number,
      audit: ((await admin.call('GET', '/api/v1/admin/audit?limit=10000')).body.events as unknown[]).length,
      users: (await admin.call('GET', '/api/v1/admin/users?limit=1')).body.total as number,
    });
    const before = await snapshot();
    const commands = `${central.url}/api/v1/kiosk/commands`;
    const post = (body: string, type = 'application/json') => fetch(commands, { method: 'POST', headers: { ...asA, 'content-type': type }, body }).then(async (r) => ({ status: r.status, body: await r.json() }));
    const valid = { idempotencyKey: 'abcdefgh-1', command: { type: 'login-succeeded', userId: alice.id, at: Date.now() } };
    const cases: [string, Promise<{ status: number; body: any }>, number, RegExp][] = [
      ['malformed JSON', post('{"commands": [', 'application/json'), 400, /JSON/i],
      ['oversized body', post(JSON.stringify({ commands: [{ ...valid, pad: 'x'.repeat(600 * 1024) }] })), 413, /too large|limit/i],
      ['no commands', post(JSON.stringify({ commands: [] })), 400, /commands/],
      ['unknown property', post(JSON.stringify({ commands: [{ ...valid, extra: 1 }] })), 400, /extra|unrecognized/i],
      ['unknown command type', post(JSON.stringify({ commands: [{ ...valid, command: { type: 'delete-everything', userId: alice.id, at: 1 } }] })), 400, /type|command/i],
      ['bad idempotency key', post(JSON.stringify({ commands: [{ ...valid, idempotencyKey: 'x' }] })), 400, /idempotencyKey/],
      ['wrong content type', post('commands', 'text/plain'), 415, /media type|content-type/i],
      ['negative cursor', http(`${central.url}/api/v1/kiosk/changes?after=-1`, 'GET', undefined, asA), 400, /after/],
      ['cursor not a number', http(`${central.url}/api/v1/kiosk/changes?after=abc`, 'GET', undefined, asA), 400, /after/],
      ['enrollment without a code', http(`${central.url}/api/v1/kiosk/enroll`, 'POST', {}), 400, /code/],
      ['user without username', admin.call('POST', '/api/v1/admin/users', { username: '' }), 400, /username/],
      ['user with a bad email', admin.call('POST', '/api/v1/admin/users', { username: 'erin', email: 'not-an-address' }), 400, /email/],
      ['user with a weak PIN', admin.call('POST', '/api/v1/admin/users', { username: 'erin', pin: '1234' }), 400, /PIN/],
      ['unknown configuration key', admin.call('PUT', '/api/v1/admin/config/no.such-key', { value: 1 }), 400, /no\.such-key/],
      ['configuration value out of range', admin.call('PUT', '/api/v1/admin/config/auth.lockout-minutes', { value: 0 }), 400, /auth\.lockout-minutes.*1 to 1440/],
      ['card number with a space', admin.call('PUT', `/api/v1/admin/users/${alice.id}/cards`, { primary: '12 34' }), 400, /primary/],
    ];
    // Imports run one at a time per central process (issue 11): these two are sent one after the other.
    const imports: [string, () => Promise<{ status: number; body: any }>, number, RegExp][] = [
      ['CSV with the wrong header', () => admin.call('POST', '/api/v1/admin/users/import', 'user,name\nx,y\n'), 400, /header/],
      ['CSV with one bad row among good ones', () => admin.call('POST', '/api/v1/admin/users/import', 'username,name,email,primary_card,secondary_card,pin\nfrank,Frank,,777001,,\ngina,Gina,bad-email,777002,,\n'), 422, /nothing was imported/],
    ];
    for (const [what, answer, status, reason] of [...cases, ...imports]) {
      const { status: got, body } = await (typeof answer === 'function' ? answer() : answer);
      expect({ what, status: got }).toEqual({ what, status });
      expect({ what, message: body.error.message }).toEqual({ what, message: expect.stringMatching(reason) });
    }
    expect(await snapshot()).toEqual(before);
  });
});

import { spawn } from 'node:child_process';
import { BIN, REPO_ROOT } from '../../support/centralProcess.js';

function runCliChild(args: string[]) {
  return spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, stdio: 'ignore' });
}
