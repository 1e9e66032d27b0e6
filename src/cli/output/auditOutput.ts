import type { CentralAuditEvent } from '../../central/services/centralAudit.js';
import { cardEnding, type AuditEvent } from '../../core/index.js';

/** One line of `badgekiosk audit`: the kiosk's own events and the embedded central store's, one shape. */
export type ShownAuditEvent = Omit<AuditEvent, 'kind'> & { readonly kind: string };

/**
 * An event of the embedded central store as the kiosk writes its own: who acted as `by` (as the
 * kiosk's CLI changes carry it), a Card/ID number as the kiosk masks it (cardEnding).
 */
export function fromCentralAudit(event: CentralAuditEvent): ShownAuditEvent {
  const details: Record<string, string | number | boolean> = { ...event.details };
  if (typeof details.card === 'string') details.card = cardEnding(details.card);
  if (event.actor !== null && details.by === undefined) details.by = event.actor;
  return { id: event.id, at: event.at, kind: event.kind, outcome: event.outcome, userId: event.userId, username: event.username, kioskId: event.kioskId, code: event.code, details };
}

/** Newest first, as each store lists its own; `limit` counts the merged list. */
export function mergeAudit(kiosk: readonly ShownAuditEvent[], central: readonly ShownAuditEvent[], limit?: number): ShownAuditEvent[] {
  // Stable: at the same millisecond each store keeps its own order.
  const merged = [...kiosk, ...central].sort((a, b) => b.at - a.at);
  return limit === undefined ? merged : merged.slice(0, limit);
}

/** Audit events never hold a PIN or hash (DESIGN §6), so they are printed as stored. */
export function auditLine(event: ShownAuditEvent): string {
  const details = Object.entries(event.details)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ');
  return [
    new Date(event.at).toISOString(),
    event.kind,
    event.outcome,
    event.username ?? '-',
    event.kioskId ?? '-',
    event.code ?? '-',
    details,
  ].join('\t');
}

export function auditHeader(): string {
  return ['TIME', 'KIND', 'OUTCOME', 'USER', 'KIOSK', 'CODE', 'DETAILS'].join('\t');
}
