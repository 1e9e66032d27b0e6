import type { LockoutPolicy } from './lockout.js';

/**
 * Wrong tries with a typed Card/ID number, counted by the typed string (a keyed digest of it),
 * whether or not anybody holds that number (issue 11, finding 5). The holder's own lock is never
 * touched, so a stranger who knows a number cannot lock its holder's card; and a number nobody
 * holds answers exactly like a real one, so the answers do not tell which numbers exist.
 */
export interface TypedIdAttempts {
  readonly failures: number;
  readonly lockedUntil: number | null;
  readonly lastFailureAt: number | null;
  /** Failures made on this kiosk that the central store has not counted yet (enrolled kiosks). */
  readonly pending: number;
}

export const NO_TYPED_ID_ATTEMPTS: TypedIdAttempts = { failures: 0, lockedUntil: null, lastFailureAt: null, pending: 0 };

export interface TypedIdPolicy extends LockoutPolicy {
  /**
   * Failures an enrolled kiosk may hand out before the central store has counted them (null on a
   * standalone kiosk and on the central store, which see every failure). Without it, each of several
   * offline kiosks would grant the whole count.
   */
  readonly localBudget: number | null;
}

export interface TypedIdFailureOutcome {
  readonly state: TypedIdAttempts;
  /** True when this failure is the one that locked the number. */
  readonly lockedNow: boolean;
  readonly attemptsLeft: number;
}

/** Half the site's count, at least one: two kiosks offline together still grant no more than the count. */
export function localTypedIdBudget(maxAttempts: number): number {
  return Math.max(1, Math.floor(maxAttempts / 2));
}

export function isTypedIdLocked(state: TypedIdAttempts, now: number): boolean {
  return state.lockedUntil !== null && now < state.lockedUntil;
}

/**
 * One more wrong try with a typed number. A lock that ran out, or a quiet spell as long as the
 * lockout, starts a fresh count: there is no success signal shared between kiosks to clear it,
 * so the count forgets instead of lasting for ever.
 */
export function registerTypedIdFailure(state: TypedIdAttempts, policy: TypedIdPolicy, now: number): TypedIdFailureOutcome {
  if (isTypedIdLocked(state, now)) return { state, lockedNow: false, attemptsLeft: 0 };
  const lockoutMs = policy.lockoutMinutes * 60_000;
  const fresh = state.lockedUntil !== null || (state.lastFailureAt !== null && now - state.lastFailureAt >= lockoutMs);
  const failures = (fresh ? 0 : state.failures) + 1;
  const pendingBefore = policy.localBudget === null || fresh ? 0 : state.pending;
  const pending = policy.localBudget === null ? 0 : pendingBefore + 1;
  const siteLeft = policy.maxAttempts - failures;
  const localLeft = policy.localBudget === null ? Infinity : policy.localBudget - pending;
  const lockedNow = siteLeft <= 0 || localLeft <= 0;
  // An online kiosk hands each failure to the central store within moments, so only failures still
  // uncounted from before this one mean it is cut off: then the warning heeds the local budget too.
  const left = pendingBefore > 0 ? Math.min(siteLeft, localLeft) : siteLeft;
  return {
    state: { failures, lockedUntil: lockedNow ? now + lockoutMs : null, lastFailureAt: now, pending },
    lockedNow,
    attemptsLeft: lockedNow ? 0 : left,
  };
}
