import { DEMO_USERS } from '../../../src/host/demoUsers.js';
import { openHostKiosk, type HostKiosk } from '../../support/hostKiosk.js';

const ada = DEMO_USERS.find((u) => u.username === 'ada')!;
const grace = DEMO_USERS.find((u) => u.username === 'grace')!;
const alan = DEMO_USERS.find((u) => u.username === 'alan')!;

let kiosk: HostKiosk;
beforeEach(async () => {
  kiosk = await openHostKiosk();
});
afterEach(async () => {
  await kiosk.close();
});

function setConfig(name: string, value: unknown) {
  expect(kiosk.runtime.store.setConfig(name, value)).toMatchObject({ ok: true });
}

function sessionEvents() {
  return kiosk.events.filter((e) => e.event === 'session').map((e) => e.payload as { session: { phase: string }; signedOut: { reason: string } | null });
}

/** Nothing the renderer received may hold a PIN hash or anything of another user. */
function expectNothingSecretSent(answers: unknown[], otherUsers: string[] = []) {
  const sent = JSON.stringify([answers, kiosk.events]);
  expect(sent).not.toMatch(/argon2/);
  expect(sent).not.toMatch(/pinHash/i);
  for (const other of otherUsers) expect(sent).not.toContain(other);
}

describe('kiosk host on a real SQLite data directory', () => {
  it('describes a standalone kiosk at rest', async () => {
    const state = await kiosk.call('getState');
    expect(state.ok).toBe(true);
    expect(state.value).toMatchObject({
      kioskId: null,
      language: { default: 'en', available: ['en', 'de', 'fr'] },
      idle: { timeoutSeconds: 60, warningSeconds: 10 },
      pin: { minLength: 4, maxLength: 8 },
      reader: { readers: [], keyboardWedge: { enabled: true } },
      sync: { mode: 'standalone' },
      session: { phase: 'idle' },
    });
  });

  it('swipe, wrong PIN, right PIN: signed in with only the user’s own public facts', async () => {
    const answers: unknown[] = [];
    const step = await kiosk.call('presentCard', { cardNumber: ada.primaryCard });
    answers.push(step);
    expect(step).toEqual({ ok: true, value: { phase: 'enter-pin', via: 'card' } });
    const wrong = await kiosk.call('submitPin', { pin: '9999' });
    answers.push(wrong);
    expect(wrong.ok).toBe(false);
    expect(wrong.error.code).toBe('wrong-pin');
    expect(wrong.error.details.attemptsLeft).toBe(4);
    expect((await kiosk.call('getState')).value.session.phase).toBe('enter-pin');
    const signedIn = await kiosk.call('submitPin', { pin: ada.pin });
    answers.push(signedIn);
    expect(signedIn.value).toMatchObject({
      phase: 'signed-in',
      user: { username: 'ada', displayName: 'Ada Lovelace', primaryCard: ada.primaryCard, secondaryCard: ada.secondaryCard },
      allowed: { changePin: true, changeCardId: true, cardField: 'primary' },
    });
    answers.push(await kiosk.call('getState'));
    expectNothingSecretSent(answers, ['grace', grace.primaryCard, 'alan', alan.primaryCard]);
  });

  it('a second swipe of the signed-in card logs out, announced with its reason', async () => {
    await kiosk.call('presentCard', { cardNumber: ada.primaryCard });
    await kiosk.call('submitPin', { pin: ada.pin });
    const out = await kiosk.call('presentCard', { cardNumber: ada.primaryCard });
    expect(out).toEqual({ ok: true, value: { phase: 'idle' } });
    expect(sessionEvents().at(-1)).toEqual({ session: { phase: 'idle' }, signedOut: { reason: 'second-swipe' } });
  });

  it('another user’s card ends the session and starts that user’s sign-in', async () => {
    await kiosk.call('presentCard', { cardNumber: ada.primaryCard });
    await kiosk.call('submitPin', { pin: ada.pin });
    const next = await kiosk.call('presentCard', { cardNumber: alan.primaryCard });
    expect(next.value).toEqual({ phase: 'enter-pin', via: 'card' });
    expect(sessionEvents().map((e) => e.signedOut?.reason ?? null)).toContain('other-card');
  });

  it('first login after a swipe: set a PIN under the policy, then signed in', async () => {
    expect((await kiosk.call('presentCard', { cardNumber: grace.primaryCard })).value).toEqual({ phase: 'set-pin', via: 'card' });
    const mismatch = await kiosk.call('setFirstPin', { newPin: '4826', confirmPin: '4827' });
    expect(mismatch.error.code).toBe('pin-mismatch');
    const run = await kiosk.call('setFirstPin', { newPin: '1234', confirmPin: '1234' });
    expect(run.error.code).toBe('pin-policy');
    expect((await kiosk.call('getState')).value.session.phase).toBe('set-pin');
    const done = await kiosk.call('setFirstPin', { newPin: '4826', confirmPin: '4826' });
    expect(done.value.phase).toBe('signed-in');
    expect(done.value.user.username).toBe('grace');
  });

  it('a typed ID always asks for the PIN and answers the same for unknown IDs and wrong PINs', async () => {
    // The pause between typed-ID tries after failures has its own tests; here it would only refuse the next try.
    setConfig('auth.typed-id-max-delay-seconds', 0);
    expect((await kiosk.call('beginTypedId', { idNumber: '55555555' })).value).toEqual({ phase: 'enter-pin', via: 'id' });
    const unknown = await kiosk.call('submitPin', { pin: '2580' });
    await kiosk.call('cancel');
    await kiosk.call('beginTypedId', { idNumber: ada.secondaryCard });
    const wrong = await kiosk.call('submitPin', { pin: '9999' });
    expect(unknown.error.code).toBe('invalid-credentials');
    expect(wrong.error.code).toBe('invalid-credentials');
    expect(wrong.error.message).toBe(unknown.error.message);
    const right = await kiosk.call('submitPin', { pin: ada.pin });
    expect(right.value.phase).toBe('signed-in');
  });

  it('an unknown card is refused and the kiosk stays at rest', async () => {
    const result = await kiosk.call('presentCard', { cardNumber: '0000000042' });
    expect(result.error.code).toBe('unknown-card');
    expect((await kiosk.call('getState')).value.session).toEqual({ phase: 'idle' });
  });

  it('locks out after the configured failures and says until when', async () => {
    setConfig('auth.max-failed-pin-attempts', 2);
    await kiosk.call('presentCard', { cardNumber: alan.primaryCard });
    await kiosk.call('submitPin', { pin: '9999' });
    const locked = await kiosk.call('submitPin', { pin: '9998' });
    expect(locked.error.code).toBe('locked-out');
    expect(locked.error.details.lockedUntil).toBeGreaterThan(Date.now());
    expect((await kiosk.call('getState')).value.session.phase).toBe('idle');
    const again = await kiosk.call('presentCard', { cardNumber: alan.primaryCard });
    expect(again.error.code).toBe('locked-out');
  });

  it('changes the PIN, and the new one works at the next sign-in', async () => {
    await kiosk.call('presentCard', { cardNumber: alan.primaryCard });
    await kiosk.call('submitPin', { pin: alan.pin });
    expect((await kiosk.call('checkCurrentPin', { currentPin: '0000' })).error).toMatchObject({ code: 'wrong-pin', details: { attemptsLeft: 4 } });
    expect((await kiosk.call('checkCurrentPin', { currentPin: alan.pin })).value.phase).toBe('signed-in');
    const policy = await kiosk.call('changePin', { currentPin: alan.pin, newPin: '1111', confirmPin: '1111' });
    expect(policy.error.code).toBe('pin-policy');
    const changed = await kiosk.call('changePin', { currentPin: alan.pin, newPin: '8642', confirmPin: '8642' });
    expect(changed.value.phase).toBe('signed-in');
    expect((await kiosk.call('logout')).value).toEqual({ phase: 'idle' });
    expect(sessionEvents().at(-1)!.signedOut).toEqual({ reason: 'logout' });
    await kiosk.call('presentCard', { cardNumber: alan.primaryCard });
    expect((await kiosk.call('submitPin', { pin: '8642' })).value.phase).toBe('signed-in');
  });

  it('regenerates the Card/ID number: the new card signs out as a second swipe, the old one is unknown', async () => {
    await kiosk.call('presentCard', { cardNumber: alan.primaryCard });
    await kiosk.call('submitPin', { pin: alan.pin });
    const changed = await kiosk.call('regenerateCard');
    expect(changed.value).toMatchObject({ field: 'primary', changesLeftToday: 2 });
    expect(changed.value.cardNumber).toMatch(/^[1-9]\d{7}$/);
    const state = (await kiosk.call('getState')).value.session;
    expect(state.user.primaryCard).toBe(changed.value.cardNumber);
    expect(state.allowed.changesLeftToday).toBe(2);
    expect((await kiosk.call('presentCard', { cardNumber: changed.value.cardNumber })).value).toEqual({ phase: 'idle' });
    expect((await kiosk.call('presentCard', { cardNumber: alan.primaryCard })).error.code).toBe('unknown-card');
  });

  it('refuses a typed card number while only generation is allowed', async () => {
    await kiosk.call('presentCard', { cardNumber: alan.primaryCard });
    await kiosk.call('submitPin', { pin: alan.pin });
    expect((await kiosk.call('setCard', { cardNumber: '12345678' })).error.code).toBe('manual-card-not-allowed');
  });

  it('checks a typed Card/ID number without changing it: format, uniqueness and the daily limit, as setCard would', async () => {
    setConfig('user.change-card-id.auto-generate-only', false);
    setConfig('user.can-change-card-id.num-times-per-day', 1);
    await kiosk.call('presentCard', { cardNumber: alan.primaryCard });
    await kiosk.call('submitPin', { pin: alan.pin });
    expect((await kiosk.call('checkCard', { cardNumber: '12' })).error.code).toBe('invalid-card-number');
    expect((await kiosk.call('checkCard', { cardNumber: ada.primaryCard })).error.code).toBe('card-in-use');
    expect((await kiosk.call('checkCard', { cardNumber: '770123' })).value.phase).toBe('signed-in');
    // Checked, not changed: the user keeps the old number and today's one change.
    const state = (await kiosk.call('getState')).value.session;
    expect(state.user.primaryCard).toBe(alan.primaryCard);
    expect(state.allowed.changesLeftToday).toBe(1);
    expect((await kiosk.call('setCard', { cardNumber: '770123' })).value).toMatchObject({ cardNumber: '770123', changesLeftToday: 0 });
    expect((await kiosk.call('checkCard', { cardNumber: '770124' })).error.code).toBe('daily-limit');
    // Each refusal before the confirmation is audited as the change's own refusal would have been.
    expect(kiosk.runtime.store.uow.repos.audit.query({ kind: 'card.set' }).map((e) => e.outcome).sort()).toEqual(['failure', 'failure', 'failure', 'success']);
  });

  it('answers calls out of turn with an error value', async () => {
    expect((await kiosk.call('submitPin', { pin: '2580' })).error.code).toBe('wrong-step');
    expect((await kiosk.call('changePin', { currentPin: '2580', newPin: '1357', confirmPin: '1357' })).error.code).toBe('no-session');
    expect((await kiosk.call('checkCurrentPin', { currentPin: '2580' })).error.code).toBe('no-session');
    expect((await kiosk.call('regenerateCard')).error.code).toBe('no-session');
    expect((await kiosk.call('checkCard', { cardNumber: '770123' })).error.code).toBe('no-session');
  });

  it('refuses malformed payloads and unknown methods with error values, logged without the values', async () => {
    const bad = await kiosk.call('submitPin', { pin: 2580, note: 'S3CR3T-7731' });
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('bad-request');
    expect(bad.error.message).toMatch(/pin/);
    const unknown = await kiosk.call('dumpUsers', {});
    expect(unknown.error.code).toBe('unknown-method');
    const weird = await kiosk.call('x'.repeat(500), {});
    expect(weird.error.code).toBe('unknown-method');
    expect(kiosk.logs.find('refused a malformed payload')).toMatchObject({ method: 'submitPin', caller: 'test' });
    expect(kiosk.logs.find('refused a call to an unknown method')).toMatchObject({ method: 'dumpUsers' });
    expect(kiosk.logs.text).not.toContain('S3CR3T-7731');
    expect(kiosk.logs.text).not.toContain('2580');
    expect(kiosk.logs.text).not.toContain('x'.repeat(50));
  });

  it('never logs a PIN, whatever happens', async () => {
    await kiosk.call('presentCard', { cardNumber: ada.primaryCard });
    await kiosk.call('submitPin', { pin: '9517' });
    await kiosk.call('submitPin', { pin: ada.pin });
    await kiosk.call('changePin', { currentPin: ada.pin, newPin: '7395', confirmPin: '7395' });
    for (const pin of ['9517', ada.pin!, '7395']) expect(kiosk.logs.text).not.toContain(pin);
    expect(kiosk.logs.text).not.toMatch(/argon2/);
  });
});

describe('idle logout', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts down the last seconds, a touch stops it, and time up signs out with reason idle', async () => {
    setConfig('kiosk.idle-warning-seconds', 3);
    setConfig('kiosk.idle-timeout-seconds', 10);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await kiosk.call('presentCard', { cardNumber: ada.primaryCard });
    await kiosk.call('submitPin', { pin: ada.pin });
    const countdown = () => kiosk.events.filter((e) => e.event === 'idleCountdown').map((e) => (e.payload as { secondsLeft: number | null }).secondsLeft);
    vi.advanceTimersByTime(7_000);
    expect(countdown()).toEqual([3]);
    vi.advanceTimersByTime(1_000);
    expect(countdown()).toEqual([3, 2]);
    await kiosk.call('touch');
    expect(countdown()).toEqual([3, 2, null]);
    vi.advanceTimersByTime(6_999);
    expect(countdown()).toEqual([3, 2, null]);
    vi.advanceTimersByTime(3_001);
    expect(countdown()).toEqual([3, 2, null, 3, 2, 1]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sessionEvents().at(-1)).toEqual({ session: { phase: 'idle' }, signedOut: { reason: 'idle' } });
    expect((await kiosk.call('getState')).value.session.phase).toBe('idle');
  });

  it('also ends a half-finished sign-in left at the PIN pad', async () => {
    setConfig('kiosk.idle-warning-seconds', 0);
    setConfig('kiosk.idle-timeout-seconds', 10);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await kiosk.call('beginTypedId', { idNumber: '7001' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await kiosk.call('getState')).value.session.phase).toBe('idle');
    expect(sessionEvents().at(-1)!.signedOut).toEqual({ reason: 'idle' });
  });
});
