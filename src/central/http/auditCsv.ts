import type { CentralAuditEvent } from '../services/centralAudit.js';

const HEADER = ['at', 'kind', 'outcome', 'username', 'user_id', 'kiosk_id', 'actor', 'code', 'details'];

/**
 * RFC 4180 quoting, and an apostrophe before anything a spreadsheet would run as a formula
 * (= + - @), since usernames and details come from outside: at the start of a cell, and after
 * every `,`, `;` or tab inside one, because a spreadsheet set to another separator splits the
 * cell there and the formula starts a cell of its own (issue 11, finding 10).
 */
function cell(value: string): string {
  const safe = (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value).replace(/([,;\t])([=+\-@])/g, "$1'$2");
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
