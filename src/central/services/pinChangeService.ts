import { clearFailedAttempts, fail, ok, type DomainError, type Result } from '../../core/index.js';
import type { ChangeContext } from './cardChangeService.js';
import { checkPinHash } from './pinHashFormat.js';
import { updateUserRow, type UserRow } from './userRows.js';

/**
 * Stores a new PIN hash: the one flow behind a kiosk's pin-changed command and a PIN chosen in the
 * User web interface (hashed with the site pepper before the transaction opens). A change that
 * happened before the PIN last set or reset (an offline kiosk catching up) loses.
 */
export async function setPinHash(
  ctx: ChangeContext,
  user: UserRow,
  pinHash: string,
  at: number,
  options: { readonly clearFailedAttempts?: boolean } = {},
): Promise<Result<UserRow, DomainError>> {
  const problem = checkPinHash(pinHash);
  if (problem) return fail('invalid-input', problem);
  if (Number(user.disabled) === 1) return fail('user-disabled', 'This user is disabled.');
  if (user.pin_set_at !== null && Number(user.pin_set_at) > at) {
    return fail('conflict', 'A newer PIN change or reset for this user is already in force.');
  }
  const changes = options.clearFailedAttempts ? { pin_hash: pinHash, pin_set_at: at, ...unlocked() } : { pin_hash: pinHash, pin_set_at: at };
  return ok(await updateUserRow(ctx.tx, user, changes, ctx.now));
}

function unlocked() {
  const cleared = clearFailedAttempts();
  return { failed_attempts: cleared.failedAttempts, locked_until: cleared.lockedUntil };
}
