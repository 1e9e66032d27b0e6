import type { User } from './user.js';

export interface LockoutPolicy {
  /** `auth.max-failed-pin-attempts` */
  readonly maxAttempts: number;
  /** `auth.lockout-minutes` */
  readonly lockoutMinutes: number;
}

export interface FailedAttemptOutcome {
  readonly failedAttempts: number;
  readonly lockedUntil: number | null;
  /** True when this failure is the one that locked the user. */
  readonly lockedNow: boolean;
  readonly attemptsLeft: number;
}

type LockState = Pick<User, 'failedAttempts' | 'lockedUntil'>;

export function isLockedOut(user: LockState, now: number): boolean {
  return user.lockedUntil !== null && now < user.lockedUntil;
}

/**
 * One more wrong PIN. A lock that has run out starts a fresh count, so after the lockout the user
 * has the full number of attempts again. The kiosk applies this at once; the central store applies
 * the same function to failed-attempt commands from every kiosk.
 */
export function registerFailedAttempt(user: LockState, policy: LockoutPolicy, now: number): FailedAttemptOutcome {
  if (isLockedOut(user, now)) {
    return { failedAttempts: user.failedAttempts, lockedUntil: user.lockedUntil, lockedNow: false, attemptsLeft: 0 };
  }
  const lockExpired = user.lockedUntil !== null && now >= user.lockedUntil;
  const failedAttempts = (lockExpired ? 0 : user.failedAttempts) + 1;
  if (failedAttempts >= policy.maxAttempts) {
    return { failedAttempts, lockedUntil: now + policy.lockoutMinutes * 60_000, lockedNow: true, attemptsLeft: 0 };
  }
  return { failedAttempts, lockedUntil: null, lockedNow: false, attemptsLeft: policy.maxAttempts - failedAttempts };
}

/** A correct PIN: the count starts over and any expired lock is forgotten. */
export function clearFailedAttempts(): { readonly failedAttempts: 0; readonly lockedUntil: null } {
  return { failedAttempts: 0, lockedUntil: null };
}
