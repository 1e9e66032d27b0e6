import { clearFailedAttempts } from './lockout.js';
import type { User } from './user.js';

/** What an administrator may do to one user, on the central store or a standalone kiosk. */
export type UserAdminAction = 'unlock' | 'disable' | 'enable' | 'pin-reset' | 'delete';
export type UserStateAction = Exclude<UserAdminAction, 'delete'>;

export type UserAdminState = Pick<User, 'pinHash' | 'disabled' | 'failedAttempts' | 'lockedUntil'>;

/** The user's sign-in state after `action`; everything else about the user stays. */
export function adminStateAfter(user: UserAdminState, action: UserStateAction): UserAdminState {
  const { pinHash, disabled, failedAttempts, lockedUntil } = user;
  const state = { pinHash, disabled, failedAttempts, lockedUntil };
  switch (action) {
    case 'unlock':
      return { ...state, ...clearFailedAttempts() };
    case 'disable':
      return { ...state, disabled: true };
    case 'enable':
      return { ...state, disabled: false };
    case 'pin-reset':
      // Like the central store's reset: the lock goes too, so the user can set a PIN at once.
      return { ...state, pinHash: null, ...clearFailedAttempts() };
  }
}

/** False when the user already is as `action` asks: nothing to write, nothing to audit. */
export function changesAdminState(user: UserAdminState, action: UserStateAction): boolean {
  const after = adminStateAfter(user, action);
  return after.pinHash !== user.pinHash || after.disabled !== user.disabled || after.failedAttempts !== user.failedAttempts || after.lockedUntil !== user.lockedUntil;
}
