import {
  NO_TYPED_ID_ATTEMPTS,
  isTypedIdLocked,
  localTypedIdBudget,
  registerTypedIdFailure,
  type TypedIdAttempts,
  type TypedIdPolicy,
} from '../../../src/core/index.js';

const t0 = Date.parse('2026-05-04T09:00:00Z');
const site: TypedIdPolicy = { maxAttempts: 5, lockoutMinutes: 15, localBudget: null };

function failTimes(times: number, policy: TypedIdPolicy, from: TypedIdAttempts = NO_TYPED_ID_ATTEMPTS) {
  let state = from;
  const answers: { attemptsLeft: number; lockedNow: boolean }[] = [];
  for (let i = 0; i < times; i++) {
    const outcome = registerTypedIdFailure(state, policy, t0 + i * 1000);
    state = outcome.state;
    answers.push({ attemptsLeft: outcome.attemptsLeft, lockedNow: outcome.lockedNow });
  }
  return { state, answers };
}

describe('typed-ID failures, counted by the typed string', () => {
  it('counts down to one try left, then locks on the Nth failure for auth.lockout-minutes', () => {
    const { state, answers } = failTimes(5, site);
    expect(answers.map((a) => a.attemptsLeft)).toEqual([4, 3, 2, 1, 0]);
    expect(answers.map((a) => a.lockedNow)).toEqual([false, false, false, false, true]);
    expect(state.lockedUntil).toBe(t0 + 4000 + 15 * 60_000);
    expect(isTypedIdLocked(state, state.lockedUntil! - 1)).toBe(true);
    expect(isTypedIdLocked(state, state.lockedUntil!)).toBe(false);
  });

  it('a locked number counts no further while the lock runs', () => {
    const { state } = failTimes(5, site);
    const again = registerTypedIdFailure(state, site, t0 + 60_000);
    expect(again).toEqual({ state, lockedNow: false, attemptsLeft: 0 });
  });

  it('starts a fresh count after the lock ran out, or after a quiet spell as long as the lockout', () => {
    const { state: locked } = failTimes(5, site);
    expect(registerTypedIdFailure(locked, site, locked.lockedUntil!).state.failures).toBe(1);
    const { state: three } = failTimes(3, site);
    expect(registerTypedIdFailure(three, site, three.lastFailureAt! + 15 * 60_000 - 1).state.failures).toBe(4);
    expect(registerTypedIdFailure(three, site, three.lastFailureAt! + 15 * 60_000).state.failures).toBe(1);
  });

  it('an enrolled kiosk grants at most half the count before the central store has its failures', () => {
    expect(localTypedIdBudget(5)).toBe(2);
    expect(localTypedIdBudget(1)).toBe(1);
    const offline = { ...site, localBudget: localTypedIdBudget(5) };
    const { state, answers } = failTimes(2, offline);
    // The first failure cannot tell an online kiosk from a cut-off one, so it warns by the site's count.
    expect(answers).toEqual([{ attemptsLeft: 4, lockedNow: false }, { attemptsLeft: 0, lockedNow: true }]);
    expect(state).toMatchObject({ failures: 2, pending: 2 });
    expect(isTypedIdLocked(state, t0 + 2000)).toBe(true);
  });

  it('warns by the local budget once failures from before are still uncounted centrally', () => {
    const offline = { maxAttempts: 8, lockoutMinutes: 15, localBudget: localTypedIdBudget(8) };
    const { answers } = failTimes(4, offline);
    expect(answers).toEqual([
      { attemptsLeft: 7, lockedNow: false },
      { attemptsLeft: 2, lockedNow: false },
      { attemptsLeft: 1, lockedNow: false },
      { attemptsLeft: 0, lockedNow: true },
    ]);
  });

  it('failures the central store has counted no longer spend the local budget', () => {
    const online = { ...site, localBudget: localTypedIdBudget(5) };
    // The central store's row after three failures elsewhere: pending is this kiosk's own, none yet.
    const fromCentral: TypedIdAttempts = { failures: 3, lockedUntil: null, lastFailureAt: t0, pending: 0 };
    const fourth = registerTypedIdFailure(fromCentral, online, t0 + 1000);
    expect(fourth).toMatchObject({ attemptsLeft: 1, lockedNow: false, state: { failures: 4, pending: 1 } });
    expect(registerTypedIdFailure(fourth.state, online, t0 + 2000).lockedNow).toBe(true);
  });
});
