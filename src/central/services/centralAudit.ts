import type { AuditKind, AuditOutcome } from '../../core/index.js';
import type { CentralDb } from '../storage/centralStorage.js';
import { preparedQuery } from '../storage/preparedQuery.js';

/**
 * Kinds the central store adds to the kiosk's audit kinds: commands pushed by kiosks, kiosk
 * enrollment and administrator actions.
 */
export type CentralAuditKind =
  | AuditKind
  | 'auth.failure'
  | 'auth.success'
  | 'kiosk.create'
  | 'kiosk.revoke'
  | 'admin.create'
  | 'admin.login'
  | 'admin.token.create'
  | 'admin.token.revoke'
  | 'admin.password.change'
  | 'user-web.sign-in'
  | 'user-web.sign-out'
  | 'card.self-associate'
  | 'directory.sync';

export interface CentralAuditEvent {
  readonly id: string;
  readonly at: number;
  readonly kind: CentralAuditKind;
  readonly outcome: AuditOutcome;
  readonly userId: string | null;
  readonly username: string | null;
  readonly kioskId: string | null;
  /** Administrator who acted, null for kiosk commands. */
  readonly actor: string | null;
  readonly code: string | null;
  readonly details: Readonly<Record<string, string | number | boolean>>;
}

export interface CentralAuditQuery {
  readonly userId?: string;
  readonly username?: string;
  readonly kioskId?: string;
  readonly kind?: string;
  readonly outcome?: AuditOutcome;
  readonly since?: number;
  readonly until?: number;
  readonly limit?: number;
  readonly offset?: number;
}

export async function appendAudit(db: CentralDb, event: CentralAuditEvent): Promise<void> {
  await insertAudit(db, event.id, event.at, event.kind, event.outcome, event.userId, event.username, event.kioskId, event.actor, event.code, JSON.stringify(event.details));
}

// Nearly every request that changes something writes one.
const insertAudit = preparedQuery(
  (db: CentralDb, id: string, at: number, kind: string, outcome: AuditOutcome, userId: string | null, username: string | null, kioskId: string | null, actor: string | null, code: string | null, details: string) =>
    db.insertInto('audit').values({ id, at, kind, outcome, user_id: userId, username, kiosk_id: kioskId, actor, code, details }),
);

/** Newest first. */
export async function queryAudit(db: CentralDb, query: CentralAuditQuery): Promise<CentralAuditEvent[]> {
  let q = db.selectFrom('audit').selectAll();
  if (query.userId) q = q.where('user_id', '=', query.userId);
  if (query.username) q = q.where('username', '=', query.username);
  if (query.kioskId) q = q.where('kiosk_id', '=', query.kioskId);
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.outcome) q = q.where('outcome', '=', query.outcome);
  if (query.since !== undefined) q = q.where('at', '>=', query.since);
  if (query.until !== undefined) q = q.where('at', '<', query.until);
  const rows = await q
    .orderBy('at', 'desc')
    .orderBy('n', 'desc')
    .limit(query.limit ?? 100)
    .offset(query.offset ?? 0)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    at: Number(row.at),
    kind: row.kind as CentralAuditKind,
    outcome: row.outcome,
    userId: row.user_id,
    username: row.username,
    kioskId: row.kiosk_id,
    actor: row.actor,
    code: row.code,
    details: JSON.parse(row.details) as Record<string, string | number | boolean>,
  }));
}
