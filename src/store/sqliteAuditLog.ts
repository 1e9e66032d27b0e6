import type Database from 'better-sqlite3';
import type { AuditEvent, AuditKind, AuditLog, AuditOutcome, AuditQuery } from '../core/index.js';

interface AuditRow {
  id: string;
  at: number;
  kind: string;
  outcome: string;
  user_id: string | null;
  username: string | null;
  kiosk_id: string | null;
  code: string | null;
  details: string;
}

/** Newest first. Filters are optional and combined with AND; a missing filter matches everything. */
export class SqliteAuditLog implements AuditLog {
  private readonly insert;
  private readonly select;

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO audit (id, at, kind, outcome, user_id, username, kiosk_id, code, details)
       VALUES (@id, @at, @kind, @outcome, @userId, @username, @kioskId, @code, @details)`,
    );
    this.select = db.prepare<Record<string, string | number | null>, AuditRow>(
      `SELECT id, at, kind, outcome, user_id, username, kiosk_id, code, details FROM audit
       WHERE (@userId IS NULL OR user_id = @userId)
         AND (@username IS NULL OR username = @username)
         AND (@kind IS NULL OR kind = @kind)
         AND (@since IS NULL OR at >= @since)
         AND (@until IS NULL OR at < @until)
       ORDER BY seq DESC LIMIT @limit`,
    );
  }

  append(event: AuditEvent): void {
    this.insert.run({ ...event, details: JSON.stringify(event.details) });
  }

  query(query: AuditQuery = {}): readonly AuditEvent[] {
    const rows = this.select.all({
      userId: query.userId ?? null,
      username: query.username ?? null,
      kind: query.kind ?? null,
      since: query.since ?? null,
      until: query.until ?? null,
      limit: query.limit ?? -1,
    });
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      kind: row.kind as AuditKind,
      outcome: row.outcome as AuditOutcome,
      userId: row.user_id,
      username: row.username,
      kioskId: row.kiosk_id,
      code: row.code,
      details: JSON.parse(row.details) as AuditEvent['details'],
    }));
  }
}
