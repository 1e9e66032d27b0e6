import {
  auditEvent,
  clearFailedAttempts,
  err,
  ok,
  toPublicUser,
  type AuditKind,
  type PublicUser,
  type Result,
  type UnitOfWork,
  type User,
} from '../core/index.js';

/**
 * What the administrator of a standalone kiosk may do to one user: the same changes, audit kinds
 * and effects as the central store's admin routes (src/central/services/adminUsers.ts), for a
 * kiosk whose local store is the authority (DESIGN §5).
 */
export type UserAdminAction = 'unlock' | 'disable' | 'enable' | 'pin-reset' | 'delete';

export interface UserAdminChange {
  /** The user after the change; after `delete`, as it was. */
  readonly user: PublicUser;
  /** False when the user already was as asked: nothing was written or audited. */
  readonly changed: boolean;
}

type AdminState = Pick<User, 'pinHash' | 'disabled' | 'failedAttempts' | 'lockedUntil'>;

interface StateChange {
  readonly kind: AuditKind;
  readonly apply: (user: User) => AdminState;
  readonly details?: { readonly fields: string; readonly disabled: boolean };
}

const STATE_CHANGES: Record<Exclude<UserAdminAction, 'delete'>, StateChange> = {
  unlock: { kind: 'user.unlocked', apply: (user) => ({ ...user, ...clearFailedAttempts() }) },
  disable: { kind: 'user.update', apply: (user) => ({ ...user, disabled: true }), details: { fields: 'disabled', disabled: true } },
  enable: { kind: 'user.update', apply: (user) => ({ ...user, disabled: false }), details: { fields: 'disabled', disabled: false } },
  // Like the central store's reset: the lock goes too, so the user can set a PIN at once.
  'pin-reset': { kind: 'pin.reset', apply: (user) => ({ ...user, pinHash: null, ...clearFailedAttempts() }) },
};

function sameState(a: AdminState, b: AdminState): boolean {
  return a.pinHash === b.pinHash && a.disabled === b.disabled && a.failedAttempts === b.failedAttempts && a.lockedUntil === b.lockedUntil;
}

export interface UserAdministrationDeps {
  readonly uow: UnitOfWork;
  /** A fresh audit id and time. */
  readonly stamp: () => { readonly id: string; readonly at: number };
  readonly kioskId: string | null;
  /** Recorded as `details.by`. */
  readonly by: string;
}

/**
 * Looks the user up, changes them and writes the audit row in one transaction; the audit row
 * names the user and the administrator, never the PIN hash.
 */
export function administerUser(deps: UserAdministrationDeps, username: string, action: UserAdminAction): Result<UserAdminChange, 'not-found'> {
  return deps.uow.transaction((repos) => {
    const user = repos.users.findByUsername(username);
    if (!user) return err('not-found' as const);
    const audit = (kind: AuditKind, details: { readonly fields?: string; readonly disabled?: boolean } = {}) =>
      repos.audit.append(auditEvent({ ...deps.stamp(), kind, outcome: 'success', user, kioskId: deps.kioskId, details: { ...details, by: deps.by } }));
    if (action === 'delete') {
      repos.users.delete(user.id);
      audit('user.delete');
      return ok({ user: toPublicUser(user), changed: true });
    }
    const change = STATE_CHANGES[action];
    const next = change.apply(user);
    if (sameState(user, next)) return ok({ user: toPublicUser(user), changed: false });
    const saved = repos.users.update({ ...user, ...next });
    audit(change.kind, change.details);
    return ok({ user: toPublicUser(saved), changed: true });
  });
}
