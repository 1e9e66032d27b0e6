import type { CentralAuditEvent } from '../services/centralAudit.js';

const HEADER = ['at', 'kind', 'outcome', 'username', 'user_id', 'kiosk_id', 'actor', 'code', 'details'];

/**
 * RFC 4180 quoting, and a leading apostrophe on cells a spreadsheet would run as a formula
 * (= + - @), since usernames and details come from outside.
 */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsv(events: readonly CentralAuditEvent[]): string {
  const lines = [HEADER.join(',')];
  for (const e of events) {
    lines.push(
      [new Date(e.at).toISOString(), e.kind, e.outcome, e.username ?? '', e.userId ?? '', e.kioskId ?? '', e.actor ?? '', e.code ?? '', JSON.stringify(e.details)]
        .map(cell)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
