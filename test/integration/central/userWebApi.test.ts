import { DAILY_LIMIT_MESSAGE } from '../../../src/core/index.js';
import { backendDatabases, CENTRAL_BACKENDS, type BackendDatabases } from '../../support/centralBackends.js';
import { enrollTestKiosk, type TestKiosk } from '../../support/centralKiosk.js';
import { eventually, http, removeDir, tempDir, type AdminSession, type CentralProcess } from '../../support/centralProcess.js';
import { setCentralConfig, startDirectoryCentral } from '../../support/directoryCentral.js';
import { startTestSlapd, type TestSlapd } from '../../support/directorySlapd.js';
import { userSignIn } from '../../support/userWebClient.js';
import { addPendingUsers, beginImport, discardImport } from '../../../src/central/services/pendingImport.js';
import { openCentralStorage } from '../../../src/central/storage/openCentralStorage.js';
import { cryptoRandomSource } from '../../../src/platform/index.js';

const PEOPLE = [
  { uid: 'ada', cn: 'Ada Lovelace', password: 'ada-pass', mail: 'ada@example.org', employeeNumber: '0047110815' },
  { uid: 'grace', cn: 'Grace Hopper', password: 'grace-pass', mail: 'grace@example.org' },
  { uid: 'hedy', cn: 'Hedy Lamarr', password: 'hedy-pass', mail: 'hedy@example.org' },
];

describe.each(CENTRAL_BACKENDS)('User web interface API on %s with a real directory', (backend) => {
  let dir: string;
  let dbs: BackendDatabases;
  let slapd: TestSlapd;
  let central: CentralProcess;
  let admin: AdminSession;
  let kiosk: TestKiosk;
  let db: string;
  const setConfig = (name: string, value: unknown) => setCentralConfig(admin, name, value);

  beforeAll(async () => {
    dir = await tempDir('bk-userweb-');
    dbs = await backendDatabases(backend, dir);
    slapd = await startTestSlapd(PEOPLE);
    db = await dbs.fresh('userweb');
    ({ central, admin } = await startDirectoryCentral(dir, db, slapd));
    kiosk = await enrollTestKiosk(central.url, admin, 'web-a');
  });
  afterAll(async () => {
    await kiosk?.close();
    await central?.stop();
    await slapd?.stop();
    dbs?.stop();
    await removeDir(dir);
  });

  it('offers both sign-in methods and never sends directory settings to kiosks', async () => {
    expect((await http(`${central.url}/api/v1/user/options`, 'GET')).body).toEqual({ directory: true, cardPinSignIn: true });
    await kiosk.sync.syncNow();
    expect(kiosk.store.uow.repos.config.get('directory.ldap.url')).toBe('');
  });

  it('creates the user at the first directory sign-in, with the card from the directory', async () => {
    const { answer, session } = await userSignIn(central.url, { method: 'directory', username: 'ada', password: 'ada-pass' });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const cookie = answer.headers.get('set-cookie')!;
    expect(cookie).toMatch(/bk_user=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/v1\/user/);
    expect(answer.body.profile).toMatchObject({ username: 'ada', displayName: 'Ada Lovelace', email: 'ada@example.org', hasPin: false, via: 'directory', cards: { primary: '••••••0815', secondary: null } });
    expect(answer.body.profile.pin.currentPinRequired).toBe(false);
    const users = await admin.call('GET', '/api/v1/admin/users?search=ada');
    expect(users.body.users[0]).toMatchObject({ username: 'ada', primaryCard: '0047110815' });
    // The user session opens no admin route, and writes need the CSRF token.
    expect((await session!.call('GET', '/api/v1/admin/users')).status).toBe(401);
    expect((await session!.call('POST', '/api/v1/user/pin', { newPin: '2580', confirmPin: '2580' }, { 'x-csrf-token': 'wrong' })).status).toBe(403);
  });

  it('finds the user by username whatever the case: a wrong password counts against them, the right one signs them in', async () => {
    const ada = async () => (await admin.call('GET', '/api/v1/admin/users?search=ada')).body.users as { username: string; failedAttempts: number }[];
    expect((await userSignIn(central.url, { method: 'directory', username: 'ADA', password: 'wrong' })).answer.status).toBe(401);
    expect(await ada()).toEqual([expect.objectContaining({ username: 'ada', failedAttempts: 1 })]);
    const { answer } = await userSignIn(central.url, { method: 'directory', username: 'Ada', password: 'ada-pass' });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.profile.username).toBe('ada');
    expect(await ada()).toEqual([expect.objectContaining({ username: 'ada', failedAttempts: 0 })]);
  });

  it('refuses a wrong password, an empty password and a filter-injection username with one message', async () => {
    for (const attempt of [
      { username: 'ada', password: 'wrong' },
      { username: 'ada', password: '' },
      { username: '*)(uid=*', password: 'ada-pass' },
      { username: '*', password: 'grace-pass' },
    ]) {
      const { answer } = await userSignIn(central.url, { method: 'directory', ...attempt });
      expect(answer.status).toBe(401);
      expect(answer.body.error).toEqual({ code: 'invalid-credentials', message: 'Wrong username or password.' });
    }
    const audit = await admin.call('GET', '/api/v1/admin/audit?kind=user-web.sign-in&outcome=failure');
    expect(JSON.stringify(audit.body)).not.toContain('ada-pass');
    expect(JSON.stringify(audit.body)).not.toContain('grace-pass');
  });

  it('sets a PIN after a directory sign-in without the current PIN (weak PIN refused with the reason); the PIN then works at a kiosk', async () => {
    const { session } = await userSignIn(central.url, { method: 'directory', username: 'ada', password: 'ada-pass' });
    const weak = await session!.call('POST', '/api/v1/user/pin', { newPin: '1234', confirmPin: '1234' });
    expect(weak.status).toBe(400);
    expect(weak.body.error).toMatchObject({ code: 'pin-policy', message: 'A PIN may not be a straight run of digits, like 1234 or 9876.' });
    const good = await session!.call('POST', '/api/v1/user/pin', { newPin: '2580', confirmPin: '2580' });
    expect(good.status, JSON.stringify(good.body)).toBe(204);
    await eventually(async () => {
      await kiosk.sync.syncNow();
      return kiosk.store.uow.repos.users.findByUsername('ada')?.pinHash ?? false;
    }, 'the new PIN reaches the kiosk');
    const signedIn = await kiosk.self.authenticate({ via: 'id', cardNumber: '0047110815' }, '2580');
    expect(signedIn.ok).toBe(true);
  });

  it('Change Number shares the daily limit with the kiosk and refuses past it with the exact message', async () => {
    await setConfig('user.can-change-card-id.num-times-per-day', 3);
    const ada = kiosk.store.uow.repos.users.findByUsername('ada')!;
    const atKiosk = await kiosk.self.regenerateCard(ada.id);
    expect(atKiosk.ok, JSON.stringify(atKiosk)).toBe(true);
    const { session } = await userSignIn(central.url, { method: 'directory', username: 'ada', password: 'ada-pass' });
    expect((await session!.call('GET', '/api/v1/user/session')).body.profile.card.changesLeftToday).toBe(2);
    for (const left of [1, 0]) {
      const changed = await session!.call('POST', '/api/v1/user/card', { manualNumber: null });
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect(changed.body).toMatchObject({ field: 'primary', changesLeftToday: left });
      expect(changed.body.cardNumber).toMatch(/^[1-9]\d{7}$/);
    }
    const refused = await session!.call('POST', '/api/v1/user/card', { manualNumber: null });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'daily-limit', message: DAILY_LIMIT_MESSAGE });
    const summary = await session!.call('GET', '/api/v1/user/summary');
    expect(summary.body.recent.filter((e: { kind: string; outcome: string }) => e.kind === 'card.regenerate' && e.outcome === 'success').map((e: { where: string }) => e.where).sort()).toEqual(['kiosk', 'web', 'web']);
  });

  it('Card/ID + PIN sign-in counts by the typed number, as a typed ID at the kiosk does, and never locks the account (issue 11)', async () => {
    await setConfig('auth.max-failed-pin-attempts', 3);
    const users = await admin.call('GET', '/api/v1/admin/users?search=ada');
    const card = users.body.users[0].primaryCard as string;
    expect((await userSignIn(central.url, { method: 'card', cardNumber: card, pin: '2580' })).answer.status).toBe(200);
    const answers: unknown[][] = [[], []];
    for (const [i, number] of [card, '99990000'].entries()) {
      for (let n = 0; n < 3; n++) {
        const { answer } = await userSignIn(central.url, { method: 'card', cardNumber: number, pin: '9999' });
        answers[i]!.push([answer.status, answer.body.error.code, answer.body.error.details?.attemptsLeft ?? null]);
      }
    }
    // A real number and one nobody holds answer alike: the try before the last warns, the last locks.
    expect(answers[0]).toEqual([[401, 'invalid-credentials', null], [401, 'invalid-credentials', 1], [423, 'locked-out', null]]);
    expect(answers[1]).toEqual(answers[0]);
    // The right PIN is refused for the typed number, on the web and (after the pull) typed at the kiosk …
    expect((await userSignIn(central.url, { method: 'card', cardNumber: card, pin: '2580' })).answer.status).toBe(423);
    await eventually(async () => {
      await kiosk.sync.syncNow();
      const answer = await kiosk.self.authenticate({ via: 'id', cardNumber: card }, '2580');
      return !answer.ok && answer.error.code === 'locked-out';
    }, 'the typed-number lock reaches the kiosk');
    // … but ada's account is not locked: the directory sign-in and her card at the kiosk still work.
    expect((await userSignIn(central.url, { method: 'directory', username: 'ada', password: 'ada-pass' })).answer.status).toBe(200);
    expect((await kiosk.self.authenticate({ via: 'card', cardNumber: card }, '2580')).ok).toBe(true);
    const audit = (await admin.call('GET', '/api/v1/admin/audit?kind=typed-id.failed&limit=100')).body.events as { details: { id: string } }[];
    expect(audit.length).toBeGreaterThanOrEqual(6);
    expect(JSON.stringify(audit)).not.toContain(card);
  });

  it('with the card sign-in option off it is refused, and a directory outage is named', async () => {
    await setConfig('user-web.allow-card-pin-sign-in', false);
    expect((await http(`${central.url}/api/v1/user/options`, 'GET')).body).toEqual({ directory: true, cardPinSignIn: false });
    expect((await userSignIn(central.url, { method: 'card', cardNumber: '123456', pin: '2580' })).answer.status).toBe(403);
    await slapd.pause();
    try {
      const { answer } = await userSignIn(central.url, { method: 'directory', username: 'grace', password: 'grace-pass' });
      expect(answer.status).toBe(503);
      expect(answer.body.error.code).toBe('directory-unavailable');
      expect(answer.body.error.message).toContain('cannot be reached');
    } finally {
      await slapd.resume();
    }
    expect((await userSignIn(central.url, { method: 'directory', username: 'grace', password: 'grace-pass' })).answer.status).toBe(200);
  });
  it('a first directory sign-in whose username a running import holds is refused for now, then creates the user (issue 11)', async () => {
    const storage = await openCentralStorage(db);
    try {
      const now = Date.now();
      await beginImport(storage, 'holds-hedy', 1, now);
      expect(await addPendingUsers(storage, 'holds-hedy', [{ id: cryptoRandomSource.uuid(), username: 'Hedy', displayName: 'Hedy (import)', email: '', primaryCard: '86000001', secondaryCard: null, pinHash: null }], 0, now)).toEqual([]);
      const held = await userSignIn(central.url, { method: 'directory', username: 'hedy', password: 'hedy-pass' });
      expect(held.answer.status).toBe(503);
      expect(held.answer.body.error).toMatchObject({ code: 'account-importing', message: expect.stringMatching(/being imported/) });
      await discardImport(storage, 'holds-hedy', 1);
    } finally {
      await storage.close();
    }
    const created = await userSignIn(central.url, { method: 'directory', username: 'hedy', password: 'hedy-pass' });
    expect(created.answer.status).toBe(200);
  });
});
