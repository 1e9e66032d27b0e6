import path from 'node:path';
import { DAILY_LIMIT_MESSAGE } from '../../../src/core/index.js';
import { eventually, removeDir, tempDir, type AdminSession, type CentralProcess } from '../../support/centralProcess.js';
import { setCentralConfig, startDirectoryCentral } from '../../support/directoryCentral.js';
import { startTestSlapd, type TestSlapd } from '../../support/directorySlapd.js';
import { openEnrolledHostKiosk, type HostKiosk } from '../../support/hostKiosk.js';

/**
 * The kiosk host's side of card self-association (issue 14 item 4): a real kiosk runtime (SQLite
 * replica, argon2, sync client) enrolled with a real `badgekiosk central` process wired to a
 * private slapd. The contract calls go through the host's one validated entry point.
 */
describe('linking an unknown card at the kiosk host', () => {
  let dir: string;
  let slapd: TestSlapd;
  let central: CentralProcess;
  let admin: AdminSession;
  let kiosk: HostKiosk;

  const phase = async () => ((await kiosk.call('getState')).value as { session: { phase: string } }).session.phase;
  /** Waits until the kiosk's replica has a configuration value the central store was given. */
  const configReaches = (name: string, value: unknown) =>
    eventually(() => kiosk.runtime.store.configValues()[name as 'card-id.self-association'] === value || undefined, `${name} reaches the kiosk`);

  beforeAll(async () => {
    dir = await tempDir('bk-host-link-');
    slapd = await startTestSlapd([
      { uid: 'ada', cn: 'Ada Lovelace', password: 'ada-directory-pw' },
      { uid: 'bob', cn: 'Bob Builder', password: 'bob-directory-pw' },
    ]);
    ({ central, admin } = await startDirectoryCentral(dir, `sqlite:${path.join(dir, 'central.sqlite')}`, slapd, { cardAttribute: '' }));
    expect((await admin.call('POST', '/api/v1/admin/users', { username: 'bob', displayName: 'Bob Builder', primaryCard: '555001', pin: '2580' })).status).toBe(201);
    const created = await admin.call('POST', '/api/v1/admin/kiosks', { name: 'link-host' });
    kiosk = await openEnrolledHostKiosk({ dataDir: path.join(dir, 'kiosk'), centralUrl: central.url, enrollmentCode: created.body.enrollmentCode as string });
  }, 90_000);
  afterAll(async () => {
    await kiosk?.close();
    await central?.stop();
    await slapd?.stop();
    await removeDir(dir);
  });

  it('an unknown card is only refused while card-id.self-association is off', async () => {
    const swipe = await kiosk.call('presentCard', { cardNumber: '900300' });
    expect(swipe.error?.code).toBe('unknown-card');
    expect(await phase()).toBe('idle');
  });

  it('with it on, an unknown card opens link-card; a wrong password stays there, an empty one is refused by the contract', async () => {
    await setCentralConfig(admin, 'card-id.self-association', true);
    await configReaches('card-id.self-association', true);
    expect((await kiosk.call('presentCard', { cardNumber: '900300' })).value).toEqual({ phase: 'link-card' });
    const wrong = await kiosk.call('linkCard', { username: 'ada', password: 'not-her-password' });
    expect(wrong.error).toMatchObject({ code: 'invalid-credentials' });
    expect(await phase()).toBe('link-card');
    const empty = await kiosk.call('linkCard', { username: 'ada', password: '' });
    expect(empty.error).toMatchObject({ code: 'bad-request' });
    expect(await phase()).toBe('link-card');
  });

  it('the right password links the card, asks for a first PIN, signs in; the card then works at the next swipe', async () => {
    const linked = await kiosk.call('linkCard', { username: 'ada', password: 'ada-directory-pw' });
    expect(linked.value).toEqual({ phase: 'set-pin', via: 'card' });
    const signedIn = await kiosk.call('setFirstPin', { newPin: '4826', confirmPin: '4826' });
    expect(signedIn.value).toMatchObject({ phase: 'signed-in', user: { username: 'ada', displayName: 'Ada Lovelace', primaryCard: '900300' } });
    await kiosk.call('logout');
    expect((await kiosk.call('presentCard', { cardNumber: '900300' })).value).toEqual({ phase: 'enter-pin', via: 'card' });
    expect((await kiosk.call('submitPin', { pin: '4826' })).value).toMatchObject({ phase: 'signed-in', user: { username: 'ada' } });
    await kiosk.call('logout');
  });

  it('a user who has a PIN is signed in at once after the link', async () => {
    await kiosk.call('presentCard', { cardNumber: '900301' });
    const linked = await kiosk.call('linkCard', { username: 'bob', password: 'bob-directory-pw' });
    expect(linked.value).toMatchObject({ phase: 'signed-in', user: { username: 'bob', primaryCard: '900301' } });
    await kiosk.call('logout');
    // The number it replaced is no one's now: a swipe of it offers the link again.
    expect((await kiosk.call('presentCard', { cardNumber: '555001' })).value).toEqual({ phase: 'link-card' });
    expect((await kiosk.call('cancel')).value).toEqual({ phase: 'idle' });
  });

  it('past the daily limit the exact message comes back and the session ends', async () => {
    await setCentralConfig(admin, 'user.can-change-card-id.num-times-per-day', 1);
    await configReaches('user.can-change-card-id.num-times-per-day', 1);
    await kiosk.call('presentCard', { cardNumber: '900302' });
    const over = await kiosk.call('linkCard', { username: 'bob', password: 'bob-directory-pw' });
    expect(over.error).toMatchObject({ code: 'daily-limit', message: DAILY_LIMIT_MESSAGE });
    expect(await phase()).toBe('idle');
  });

  it('wrong passwords count toward the lockout on the central store; a locked user is refused and the session ends', async () => {
    await setCentralConfig(admin, 'auth.max-failed-pin-attempts', 2);
    await kiosk.call('presentCard', { cardNumber: '900303' });
    for (let i = 0; i < 2; i++) expect((await kiosk.call('linkCard', { username: 'ada', password: 'guess-again' })).error?.code).toBe('invalid-credentials');
    const locked = await kiosk.call('linkCard', { username: 'ada', password: 'ada-directory-pw' });
    expect(locked.error).toMatchObject({ code: 'locked-out', details: { lockedUntil: expect.any(Number) } });
    expect(await phase()).toBe('idle');
  });

  it('the link screen times out like every other', async () => {
    await setCentralConfig(admin, 'kiosk.idle-warning-seconds', 2);
    await setCentralConfig(admin, 'kiosk.idle-timeout-seconds', 10);
    await configReaches('kiosk.idle-timeout-seconds', 10);
    await kiosk.call('presentCard', { cardNumber: '900304' });
    expect(await phase()).toBe('link-card');
    await eventually(
      () => kiosk.events.some((e) => e.event === 'session' && e.payload.signedOut?.reason === 'idle') || undefined,
      'the idle sign-out',
      30_000,
    );
    expect(await phase()).toBe('idle');
  });

  it('no password reaches the host log', () => {
    expect(kiosk.logs.text).toContain('linkCard');
    for (const secret of ['ada-directory-pw', 'bob-directory-pw', 'not-her-password', 'guess-again']) expect(kiosk.logs.text).not.toContain(secret);
  });
});
