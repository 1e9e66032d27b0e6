import { clearFailedAttempts, isLockedOut, registerFailedAttempt } from '../../../src/core/index.js';

const policy = { maxAttempts: 3, lockoutMinutes: 15 };
const fresh = { failedAttempts: 0, lockedUntil: null };
const t0 = Date.parse('2026-05-04T09:00:00Z');

describe('failed-PIN lockout', () => {
  it('counts down the attempts left before the lock', () => {
    const first = registerFailedAttempt(fresh, policy, t0);
    expect(first).toEqual({ failedAttempts: 1, lockedUntil: null, lockedNow: false, attemptsLeft: 2 });
    const second = registerFailedAttempt(first, policy, t0 + 1000);
    expect(second.attemptsLeft).toBe(1);
  });

  it('locks on the Nth failure for auth.lockout-minutes', () => {
    const third = registerFailedAttempt({ failedAttempts: 2, lockedUntil: null }, policy, t0);
    expect(third).toEqual({ failedAttempts: 3, lockedUntil: t0 + 15 * 60_000, lockedNow: true, attemptsLeft: 0 });
    expect(isLockedOut(third, t0)).toBe(true);
    expect(isLockedOut(third, t0 + 15 * 60_000 - 1)).toBe(true);
  });

  it('releases the lock when the lockout time has passed', () => {
    const locked = { failedAttempts: 3, lockedUntil: t0 + 15 * 60_000 };
    expect(isLockedOut(locked, t0 + 15 * 60_000)).toBe(false);
    expect(isLockedOut(fresh, t0)).toBe(false);
  });

  it('gives the full number of attempts again after an expired lock', () => {
    const locked = { failedAttempts: 3, lockedUntil: t0 + 15 * 60_000 };
    const after = registerFailedAttempt(locked, policy, t0 + 16 * 60_000);
    expect(after).toEqual({ failedAttempts: 1, lockedUntil: null, lockedNow: false, attemptsLeft: 2 });
  });

  it('does not extend a lock that is still running', () => {
    const locked = { failedAttempts: 3, lockedUntil: t0 + 60_000 };
    expect(registerFailedAttempt(locked, policy, t0)).toEqual({ failedAttempts: 3, lockedUntil: t0 + 60_000, lockedNow: false, attemptsLeft: 0 });
  });

  it('clears the count on success', () => {
    expect(clearFailedAttempts()).toEqual({ failedAttempts: 0, lockedUntil: null });
  });
});
