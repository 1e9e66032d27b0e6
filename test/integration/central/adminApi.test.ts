import { readFile } from 'node:fs/promises';
import { allConfigKeys } from '../../../src/core/index.js';
import { fileTokenStore } from '../../../src/sync/index.js';
import { backendDatabases, CENTRAL_BACKENDS, type BackendDatabases } from '../../support/centralBackends.js';
import { enrollTestKiosk, type TestKiosk } from '../../support/centralKiosk.js';
import {
  ADMIN,
  adminLogin,
  createAdminWithCli,
  eventually,
  http,
  removeDir,
  startCentralProcess,
  tempDir,
  type AdminSession,
  type CentralProcess,
} from '../../support/centralProcess.js';

const CSV_HEADER = 'username,name,email,primary_card,secondary_card,pin';

describe.each(CENTRAL_BACKENDS)('central store administration API on %s', (backend) => {
  let dir: string;
  let dbs: BackendDatabases;
  let central: CentralProcess;
  let admin: AdminSession;
  let K: TestKiosk;
  const api = (route: string) => `${central.url}${route}`;

  beforeAll(async () => {
    dir = await tempDir('bk-admin-');
    dbs = await backendDatabases(backend, dir);
    const db = await dbs.fresh('admin');
    await createAdminWithCli(dir, db);
    central = await startCentralProcess({ dataDir: dir, db, logLevel: 'info' });
    admin = await adminLogin(central.url);
    K = await enrollTestKiosk(central.url, admin, 'K');
  });

  afterAll(async () => {
    await K?.close();
    await central?.stop();
    dbs?.stop();
    if (dir) await removeDir(dir);
  });

  it('logs administrators in with their password; a cookie session needs its CSRF token to write, an admin API token does not', async () => {
    const wrong = await http(api('/api/v1/admin/session'), 'POST', { username: ADMIN.username, password: 'not the password' });
    const unknown = await http(api('/api/v1/admin/session'), 'POST', { username: 'nobody', password: 'not the password' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual(unknown.body);
    expect(admin.cookie).toMatch(/^bk_admin=/);

    const noCsrf = await http(api('/api/v1/admin/users'), 'POST', { username: 'mallory' }, { cookie: admin.cookie });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('csrf');
    expect((await http(api('/api/v1/admin/users?search=mallory'), 'GET', undefined, { cookie: admin.cookie })).body.total).toBe(0);

    const created = await admin.call('POST', '/api/v1/admin/tokens', { name: 'script' });
    const asToken = { authorization: `Bearer ${created.body.token}` };
    expect(created.body.token).toMatch(/^bka_/);
    expect((await http(api('/api/v1/admin/users'), 'POST', { username: 'via-token' }, asToken)).status).toBe(201);
    const listed = (await admin.call('GET', '/api/v1/admin/tokens')).body.tokens as { name: string; lastUsedAt: number | null }[];
    expect(listed.find((t) => t.name === 'script')).toMatchObject({ lastUsedAt: expect.any(Number) });
    expect((await admin.call('DELETE', `/api/v1/admin/tokens/${created.body.id}`)).status).toBe(204);
    expect((await http(api('/api/v1/admin/users'), 'GET', undefined, asToken)).status).toBe(401);

    const second = await adminLogin(central.url);
    expect((await second.call('DELETE', '/api/v1/admin/session')).status).toBe(204);
    expect((await second.call('GET', '/api/v1/admin/session')).status).toBe(401);
    expect((await admin.call('GET', '/api/v1/admin/session')).body).toMatchObject({ username: ADMIN.username, via: 'session' });
    const logins = (await admin.call('GET', '/api/v1/admin/audit?kind=admin.login&limit=100')).body.events as { outcome: string }[];
    expect(logins.filter((e) => e.outcome === 'failure')).toHaveLength(2);
  });

  it('creates, searches, updates, disables, re-cards, resets, unlocks and deletes users, and an enrolled kiosk follows each step', async () => {
    const carol = (await admin.call('POST', '/api/v1/admin/users', { username: 'carol', displayName: 'Carol Jones', email: 'carol@example.org', primaryCard: '5550001', pin: '582047' })).body;
    expect(carol).toMatchObject({ username: 'carol', hasPin: true, primaryCard: '5550001', disabled: false });
    expect(carol).not.toHaveProperty('pinHash');
    expect((await admin.call('GET', '/api/v1/admin/users?search=JONES')).body.users.map((u: { id: string }) => u.id)).toEqual([carol.id]);
    expect((await admin.call('GET', '/api/v1/admin/users?search=5550001')).body.total).toBe(1);
    await eventually(() => K.store.uow.repos.users.findByCard('5550001'), 'carol on the kiosk');
    expect((await K.self.authenticate({ via: 'card', cardNumber: '5550001' }, '582047')).ok).toBe(true);

    expect((await admin.call('PATCH', `/api/v1/admin/users/${carol.id}`, { displayName: 'Carol J.', disabled: true })).body).toMatchObject({ displayName: 'Carol J.', disabled: true });
    await eventually(() => K.store.uow.repos.users.findById(carol.id)?.disabled, 'the kiosk to see her disabled');
    const refused = await K.self.authenticate({ via: 'card', cardNumber: '5550001' }, '582047');
    expect(refused.ok ? null : refused.error.code).toBe('user-disabled');
    await admin.call('PATCH', `/api/v1/admin/users/${carol.id}`, { disabled: false });

    const dave = (await admin.call('POST', '/api/v1/admin/users', { username: 'dave', primaryCard: '5550009' })).body;
    const taken = await admin.call('PUT', `/api/v1/admin/users/${carol.id}/cards`, { secondary: '5550009' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('card-in-use');
    expect((await admin.call('PUT', `/api/v1/admin/users/${carol.id}/cards`, { primary: '5550002', secondary: '5550001' })).body).toMatchObject({ primaryCard: '5550002', secondaryCard: '5550001' });
    expect((await admin.call('PUT', `/api/v1/admin/users/${carol.id}/cards`, { secondary: null })).body.secondaryCard).toBeNull();
    await eventually(() => K.store.uow.repos.users.findByCard('5550002')?.id === carol.id && !K.store.uow.repos.users.isCardTaken('5550001'), 'the new numbers on the kiosk');

    expect((await admin.call('POST', `/api/v1/admin/users/${carol.id}/reset-pin`)).body.hasPin).toBe(false);
    await eventually(() => K.store.uow.repos.users.findById(carol.id)?.pinHash === null, 'the reset on the kiosk');
    const identified = await K.self.identifyCard('5550002');
    expect(identified.ok && identified.value.next).toBe('set-pin');
    expect((await K.self.setFirstPin({ via: 'card', cardNumber: '5550002' }, '396158', '396158')).ok).toBe(true);

    for (let i = 0; i < 5; i++) await K.self.authenticate({ via: 'card', cardNumber: '5550002' }, '000000');
    await eventually(async () => (await admin.call('GET', `/api/v1/admin/users/${carol.id}`)).body.lockedUntil !== null, 'the lock on the central store');
    expect((await admin.call('POST', `/api/v1/admin/users/${carol.id}/unlock`)).body).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    await eventually(() => K.store.uow.repos.users.findById(carol.id)?.lockedUntil === null, 'the unlock on the kiosk');
    expect((await K.self.authenticate({ via: 'card', cardNumber: '5550002' }, '396158')).ok).toBe(true);

    expect((await admin.call('DELETE', `/api/v1/admin/users/${dave.id}`)).status).toBe(204);
    expect((await admin.call('GET', `/api/v1/admin/users/${dave.id}`)).status).toBe(404);
    await eventually(() => K.store.uow.repos.users.findById(dave.id) === undefined, 'the deletion on the kiosk');
    const kinds = ((await admin.call('GET', `/api/v1/admin/audit?userId=${carol.id}&limit=100`)).body.events as { kind: string; actor: string | null }[]);
    expect(kinds.filter((e) => e.actor === ADMIN.username).map((e) => e.kind)).toEqual(
      expect.arrayContaining(['user.add', 'user.update', 'card.set', 'pin.reset', 'user.unlocked']),
    );
  });

  it('searches any part of username, name or email in any case, or a whole Card/ID number, and follows renames and deletions', async () => {
    const imported = await admin.call('POST', '/api/v1/admin/users/import', `${CSV_HEADER}\nzelda.fitz,Zelda Fitzgerald,zf@jazz-age.example,70770001,70770002,\nscott.fitz,Scott Fitzgerald,sf@jazz-age.example,70770003,,\n`);
    expect(imported.status).toBe(200);
    const found = async (search: string) => ((await admin.call('GET', `/api/v1/admin/users?search=${encodeURIComponent(search)}`)).body.users as { username: string }[]).map((u) => u.username).sort();
    expect(await found('FITZGER')).toEqual(['scott.fitz', 'zelda.fitz']);
    expect(await found('lda.fi')).toEqual(['zelda.fitz']);
    expect(await found('JAZZ-AGE.ex')).toEqual(['scott.fitz', 'zelda.fitz']);
    expect(await found('70770002')).toEqual(['zelda.fitz']);
    expect(await found('7077000')).toEqual([]);
    expect(await found('zf')).toEqual(['zelda.fitz']);
    expect(await found('"quoted" 100%_')).toEqual([]);
    const zelda = (await admin.call('GET', '/api/v1/admin/users?search=zelda')).body.users[0];
    expect((await admin.call('PATCH', `/api/v1/admin/users/${zelda.id}`, { displayName: 'Zelda Sayre' })).status).toBe(200);
    expect(await found('fitzger')).toEqual(['scott.fitz']);
    expect(await found('sayre')).toEqual(['zelda.fitz']);
    expect((await admin.call('DELETE', `/api/v1/admin/users/${zelda.id}`)).status).toBe(204);
    expect(await found('sayre')).toEqual([]);
    expect((await admin.call('GET', '/api/v1/admin/users?search=scott.fitz&limit=1')).body.total).toBe(1);
  });

  it('imports users from the CSV format of `users import`, all rows or none', async () => {
    const before = (await admin.call('GET', '/api/v1/admin/users?limit=1')).body.total as number;
    const refused = await admin.call('POST', '/api/v1/admin/users/import', `${CSV_HEADER}\nerin,Erin,,6660001,,714936\ncarol,Carol again,,6660002,,\n`);
    expect(refused.status).toBe(422);
    expect(refused.body.problems).toEqual([{ line: 3, reason: expect.stringContaining('carol already exists') }]);
    expect((await admin.call('GET', '/api/v1/admin/users?limit=1')).body.total).toBe(before);

    const imported = await admin.call('POST', '/api/v1/admin/users/import', `${CSV_HEADER}\nerin,Erin,erin@example.org,6660001,,714936\nfrank,Frank,,6660002,6660003,\n`);
    expect(imported.body).toEqual({ imported: 2, withPin: 1 });
    await eventually(() => K.store.uow.repos.users.findByCard('6660003'), 'the imported users on the kiosk');
    expect((await K.self.authenticate({ via: 'card', cardNumber: '6660001' }, '714936')).ok).toBe(true);
  });

  it('lists every configuration key with type, default, range and description, and sets keys with the kiosk rules', async () => {
    const keys = (await admin.call('GET', '/api/v1/admin/config')).body.keys as { name: string; range: string; description: string }[];
    expect(keys.map((k) => k.name).sort()).toEqual(allConfigKeys().map((k) => k.name).sort());
    expect((await admin.call('GET', '/api/v1/admin/config/pin.max-length')).body).toMatchObject({ type: 'integer', default: 8, range: 'an integer from 4 to 12', isDefault: true });
    expect((await admin.call('GET', '/api/v1/admin/config/no.such-key')).status).toBe(404);
    expect((await admin.call('PUT', '/api/v1/admin/config/pin.max-length', { value: 6 })).body).toMatchObject({ value: 6, isDefault: false });
    const crossed = await admin.call('PUT', '/api/v1/admin/config/pin.min-length', { value: 7 });
    expect(crossed.status).toBe(400);
    expect(crossed.body.error.message).toMatch(/pin\.min-length must be at most pin\.max-length/);
    await eventually(() => K.store.configValues()['pin.max-length'] === 6, 'the new value on the kiosk');
  });

  it('creates kiosks with one-time codes and lists them with state, last seen, version and online', async () => {
    const created = await admin.call('POST', '/api/v1/admin/kiosks', { name: 'Lobby' });
    expect(created.status).toBe(201);
    expect(created.body.kiosk.state).toBe('awaiting-enrollment');
    const kiosks = (await admin.call('GET', '/api/v1/admin/kiosks')).body.kiosks as { id: string; state: string; online: boolean; version: string | null; lastSeenAt: number | null }[];
    expect(kiosks.find((k) => k.id === K.kioskId)).toMatchObject({ state: 'enrolled', online: true, version: 'test' });
    expect(Date.now() - kiosks.find((k) => k.id === K.kioskId)!.lastSeenAt!).toBeLessThan(60_000);
    expect(kiosks.find((k) => k.id === created.body.kiosk.id)).toMatchObject({ state: 'awaiting-enrollment', online: false, lastSeenAt: null });
  });

  it('filters the audit log by user, kiosk, kind, outcome and time, and exports it as CSV', async () => {
    const all = (await admin.call('GET', '/api/v1/admin/audit?limit=10000')).body.events as { at: number; kind: string; kioskId: string | null; outcome: string }[];
    const fromK = (await admin.call('GET', `/api/v1/admin/audit?kioskId=${K.kioskId}&limit=10000`)).body.events as { kioskId: string }[];
    expect(fromK.length).toBeGreaterThan(0);
    expect(fromK.every((e) => e.kioskId === K.kioskId)).toBe(true);
    const failures = (await admin.call('GET', `/api/v1/admin/audit?kind=auth.failure&outcome=success&limit=100`)).body.events as { kind: string }[];
    expect(failures.length).toBeGreaterThanOrEqual(5);
    const middle = all[Math.floor(all.length / 2)]!.at;
    const since = (await admin.call('GET', `/api/v1/admin/audit?since=${middle}&limit=10000`)).body.events as { at: number }[];
    expect(since.every((e) => e.at >= middle) && since.length < all.length).toBe(true);
    const csv = await admin.call('GET', `/api/v1/admin/audit.csv?kioskId=${K.kioskId}&limit=10000`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (csv.body as string).trimEnd().split('\r\n');
    expect(lines[0]).toBe('at,kind,outcome,username,user_id,kiosk_id,actor,code,details');
    expect(lines).toHaveLength(fromK.length + 1);
  });

  it('documents every route in OpenAPI and answers health and readiness', async () => {
    const spec = (await http(api('/api/v1/openapi.json'), 'GET')).body;
    expect(spec.openapi).toMatch(/^3\./);
    for (const path of ['/api/v1/kiosk/enroll', '/api/v1/kiosk/changes', '/api/v1/kiosk/live', '/api/v1/kiosk/commands', '/api/v1/admin/users', '/api/v1/admin/users/import', '/api/v1/admin/config/{name}', '/api/v1/admin/kiosks/{id}/revoke', '/api/v1/admin/audit.csv', '/api/v1/admin/password']) {
      expect(spec.paths).toHaveProperty([path]);
    }
    expect(spec.paths['/api/v1/kiosk/commands'].post.requestBody).toBeDefined();
    expect(Object.keys(spec.components.securitySchemes).sort()).toEqual(['adminSession', 'adminToken', 'kioskToken', 'userSession']);
    expect((await http(api('/api/v1/health'), 'GET')).body).toMatchObject({ status: 'ok' });
    expect((await http(api('/api/v1/ready'), 'GET')).body).toEqual({ status: 'ready', backend });
  });

  it('lets an administrator change their own password only with the current one, audited without either password', async () => {
    const change = (currentPassword: string, newPassword: string) => admin.call('PUT', '/api/v1/admin/password', { currentPassword, newPassword });
    const wrong = await change('not the password', 'a brand new long password');
    expect([wrong.status, wrong.body.error.code]).toEqual([400, 'invalid-credentials']);
    const weak = await change(ADMIN.password, 'short');
    expect([weak.status, weak.body.error.message]).toEqual([400, 'The password must have at least 12 characters.']);
    expect((await change(ADMIN.password, 'a brand new long password')).status).toBe(204);
    expect((await http(api('/api/v1/admin/session'), 'POST', ADMIN)).status).toBe(401);
    expect((await http(api('/api/v1/admin/session'), 'POST', { username: ADMIN.username, password: 'a brand new long password' })).status).toBe(200);
    expect((await change('a brand new long password', ADMIN.password)).status).toBe(204);
    const audit = await admin.call('GET', '/api/v1/admin/audit?kind=admin.password.change');
    expect(audit.body.events.map((e: { outcome: string; code: string | null }) => [e.outcome, e.code])).toEqual([
      ['success', null], ['success', null], ['failure', 'weak-password'], ['failure', 'invalid-credentials'],
    ]);
    expect(JSON.stringify(audit.body)).not.toMatch(/brand new|correct horse/);
  });

  it('writes request logs with no PIN, PIN hash, password, token or session cookie in them', async () => {
    const output = central.output();
    expect(output).toMatch(/"reqId"/);
    const token = (await fileTokenStore(K.dataDir).read())!;
    const hashes = (K.store.db.prepare('SELECT pin_hash FROM users WHERE pin_hash IS NOT NULL').pluck().all() as string[]);
    // PINs as whole numbers (a PIN's digits inside a longer number, such as a timestamp, are not the PIN).
    for (const pin of ['582047', '714936', '396158', '000000']) expect(new RegExp(`(^|[^0-9])${pin}([^0-9]|$)`).test(output) ? pin : null).toBeNull();
    for (const secret of [ADMIN.password, token, admin.cookie.split('=')[1]!, admin.csrfToken, ...hashes, '$argon2']) {
      expect(output.includes(secret) ? secret : null).toBeNull();
    }
    const pepper = await readFile(`${dir}/secrets/pepper`);
    expect(output.includes(pepper.toString('base64'))).toBe(false);
  });

  it('limits enrollment-code guesses per address', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 12; i++) answers.push((await http(api('/api/v1/kiosk/enroll'), 'POST', { code: `WRONG-CODE-${i}` })).status);
    expect(answers.slice(0, 9).every((s) => s === 403)).toBe(true);
    const limited = await http(api('/api/v1/kiosk/enroll'), 'POST', { code: 'WRONG-CODE-X' });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 'rate-limited', message: expect.stringMatching(/rate limit/i) });
  });

  it('stops cleanly on SIGTERM, ending the live channels it holds', async () => {
    await eventually(() => K.sync.status().live, 'the kiosk live channel');
    expect(await central.stop()).toBe(0);
    expect(central.output()).toMatch(/central store stopped/);
    await eventually(() => !K.sync.status().live, 'the kiosk to notice');
  });
});
