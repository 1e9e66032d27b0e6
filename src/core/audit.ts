/**
 * Audit events: who, what, which kiosk, when, outcome (DESIGN §3). They never hold a PIN or a
 * PIN hash; `details` carries only non-secret facts (card field, error code, attempts left).
 */
export type AuditKind =
  | 'auth.card'
  | 'auth.id'
  | 'typed-id.failed'
  | 'typed-id.locked'
  | 'pin.set'
  | 'pin.change'
  | 'pin.reset'
  | 'card.regenerate'
  | 'card.set'
  | 'user.locked'
  | 'user.unlocked'
  | 'user.add'
  | 'user.update'
  | 'user.delete'
  | 'user.import'
  | 'config.set'
  | 'session.logout'
  | 'technician.enter'
  | 'technician.exit'
  | 'technician.change'
  | 'kiosk.enroll'
  | 'print.release'
  | 'print.delete'
  | 'print.expired'
  | 'print.server'
  | 'print.printer';

export type AuditOutcome = 'success' | 'failure';

export interface AuditEvent {
  readonly id: string;
  readonly at: number;
  readonly kind: AuditKind;
  readonly outcome: AuditOutcome;
  readonly userId: string | null;
  readonly username: string | null;
  readonly kioskId: string | null;
  /** Error code on failure (a DomainErrorCode), null on success. */
  readonly code: string | null;
  readonly details: Readonly<Record<string, string | number | boolean>>;
}
