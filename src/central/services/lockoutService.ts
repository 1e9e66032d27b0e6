import { clearFailedAttempts, isLockedOut, registerFailedAttempt, type ConfigValues, type FailedAttemptOutcome } from '../../core/index.js';
import type { ChangeContext } from './cardChangeService.js';
import { appendAudit } from './centralAudit.js';
import { updateUserRow, type UserRow } from './userRows.js';

export function lockStateOf(user: UserRow): { failedAttempts: number; lockedUntil: number | null } {
  return { failedAttempts: Number(user.failed_attempts), lockedUntil: user.locked_until === null ? null : Number(user.locked_until) };
}

/**
 * One wrong PIN or password, from a kiosk or the User web interface: the same per-user count and
 * lock (core's registerFailedAttempt), replicated to every kiosk with the user row.
 */
export async function recordFailedAttempt(ctx: ChangeContext, user: UserRow, config: ConfigValues, at: number): Promise<FailedAttemptOutcome> {
  const state = lockStateOf(user);
  const outcome = registerFailedAttempt(state, { maxAttempts: config['auth.max-failed-pin-attempts'], lockoutMinutes: config['auth.lockout-minutes'] }, at);
  if (outcome.failedAttempts !== state.failedAttempts || outcome.lockedUntil !== state.lockedUntil) {
    await updateUserRow(ctx.tx, user, { failed_attempts: outcome.failedAttempts, locked_until: outcome.lockedUntil }, ctx.now);
  }
  if (outcome.lockedNow) {
    await appendAudit(ctx.tx.db, {
      id: ctx.random.uuid(), at: ctx.now, kind: 'user.locked', outcome: 'success', userId: user.id, username: user.username,
      kioskId: ctx.kioskId, actor: null, code: null, details: { lockedUntil: outcome.lockedUntil ?? 0 },
    });
  }
  return outcome;
}

/**
 * A successful sign-in starts the count over; one made before a lock the signer had not heard of
 * does not lift it. Answers the user row as it now stands, so callers need not read it again.
 */
export async function recordSuccessfulSignIn(ctx: ChangeContext, user: UserRow, at: number): Promise<UserRow> {
  const state = lockStateOf(user);
  if (isLockedOut(state, at)) return user;
  if (state.failedAttempts === 0 && state.lockedUntil === null) return user;
  const cleared = clearFailedAttempts();
  return updateUserRow(ctx.tx, user, { failed_attempts: cleared.failedAttempts, locked_until: cleared.lockedUntil }, ctx.now);
}
