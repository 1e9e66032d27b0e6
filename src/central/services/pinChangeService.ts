import { clearFailedAttempts, fail, ok, type DomainError, type Result } from '../../core/index.js';
import type { ChangeContext } from './cardChangeService.js';
import { checkPinHash } from '../../pinHashing/index.js';
import { updateUserRow, type UserRow } from './userRows.js';

/**
 * Stores a new PIN hash: the one flow behind a kiosk's pin-changed command and a PIN chosen in the
 * User web interface (hashed with the site pepper before the transaction opens). Ordered by its
 * arrival here, never by a kiosk's clock: a kiosk running behind would otherwise see a change it
 * told the user was done refused, and its copy would never be repaired (issue 11, finding 4).
 */
export async function setPinHash(
  ctx: ChangeContext,
  user: UserRow,
  pinHash: string,
  options: { readonly clearFailedAttempts?: boolean } = {},
): Promise<Result<UserRow, DomainError>> {
  const problem = checkPinHash(pinHash);
  if (problem) return fail('invalid-input', problem);
  if (Number(user.disabled) === 1) return fail('user-disabled', 'This user is disabled.');
  const changes = options.clearFailedAttempts
    ? { pin_hash: pinHash, pin_set_at: ctx.now, ...unlocked() }
    : { pin_hash: pinHash, pin_set_at: ctx.now };
  return ok(await updateUserRow(ctx.tx, user, changes, ctx.now));
}

function unlocked() {
  const cleared = clearFailedAttempts();
  return { failed_attempts: cleared.failedAttempts, locked_until: cleared.lockedUntil };
}
