import type { AuditEvent } from '../../core/index.js';

/** Audit events never hold a PIN or hash (DESIGN §6), so they are printed as stored. */
export function auditLine(event: AuditEvent): string {
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
