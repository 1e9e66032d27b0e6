import {
  adminStateAfter,
  auditEvent,
  changesAdminState,
  err,
  ok,
  toPublicUser,
  type AuditKind,
  type PublicUser,
  type Result,
  type UnitOfWork,
  type UserAdminAction,
  type UserStateAction,
} from '../core/index.js';

/**
 * What the administrator of a standalone kiosk may do to one user: the same changes, audit kinds
 * and effects as the central store's admin routes (src/central/services/adminUsers.ts), for a
 * kiosk whose local store is the authority (DESIGN §5).
 */
export type { UserAdminAction };

export interface UserAdminChange {
  /** The user after the change; after `delete`, as it was. */
  readonly user: PublicUser;
  /** False when the user already was as asked: nothing was written or audited. */
  readonly changed: boolean;
}

const AUDIT: Record<UserStateAction, { readonly kind: AuditKind; readonly details?: { readonly fields: string; readonly disabled: boolean } }> = {
  unlock: { kind: 'user.unlocked' },
  disable: { kind: 'user.update', details: { fields: 'disabled', disabled: true } },
  enable: { kind: 'user.update', details: { fields: 'disabled', disabled: false } },
  'pin-reset': { kind: 'pin.reset' },
};

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
    if (!changesAdminState(user, action)) return ok({ user: toPublicUser(user), changed: false });
    const saved = repos.users.update({ ...user, ...adminStateAfter(user, action) });
    audit(AUDIT[action].kind, AUDIT[action].details);
    return ok({ user: toPublicUser(saved), changed: true });
  });
}
