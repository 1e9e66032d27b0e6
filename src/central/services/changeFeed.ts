import { CENTRAL_ONLY_KEY_PREFIXES, type CardField, type User } from '../../core/index.js';
import type { CentralStorage } from '../storage/centralStorage.js';
import { toUser } from './userRows.js';

/** One entry of the change feed, ordered by `seq` (monotonically increasing across the site). */
export type FeedChange =
  | { readonly seq: number; readonly type: 'user'; readonly user: User }
  | { readonly seq: number; readonly type: 'user-deleted'; readonly userId: string }
  | { readonly seq: number; readonly type: 'config'; readonly name: string; readonly value: boolean | number | string }
  | {
      readonly seq: number;
      readonly type: 'card-change';
      readonly id: string;
      readonly userId: string;
      readonly field: CardField;
      readonly kind: 'generated' | 'manual';
      readonly at: number;
      readonly kioskId: string | null;
    }
  | {
      readonly seq: number;
      readonly type: 'typed-id-lock';
      readonly digest: string;
      readonly failures: number;
      readonly lockedUntil: number | null;
      readonly lastFailureAt: number | null;
    };

export interface FeedPage {
  readonly changes: FeedChange[];
  /** Pass as `after` next time. */
  readonly next: number;
  /** Latest sequence on the site when the page was read. */
  readonly latest: number;
  readonly hasMore: boolean;
  /**
   * The kiosk's cursor is ahead of the site (the central database was restored from a backup):
   * it must start over from 0 and drop what it holds.
   */
  readonly resync: boolean;
}

/** Card changes older than this no longer count for any daily limit, so the feed leaves them out. */
const CARD_CHANGE_HORIZON_MS = 2 * 24 * 3_600_000;

/** A typed-ID count quiet this long has run out under any `auth.lockout-minutes` (at most a day). */
const TYPED_ID_HORIZON_MS = 24 * 3_600_000;

/**
 * Rows whose last change has a sequence in (after, latest]. Each table is read in sequence order
 * and the pages merged; a row changed twice appears once, with its latest state. Sequence order
 * is commit order (writes are serialized), so every row at or below `latest` is visible to the
 * reads that follow, whichever connection runs them; a row changed meanwhile moves above
 * `latest` and comes with the next pull. So the cursor may always move to `latest`.
 */
export async function readChanges(storage: CentralStorage, after: number, limit: number, now: number): Promise<FeedPage> {
  const latest = await storage.latestSeq();
  const db = storage.db;
  if (after > latest) return { changes: [], next: 0, latest, hasMore: false, resync: true };
  if (after === latest) return { changes: [], next: latest, latest, hasMore: false, resync: false };
  const take = limit + 1;
  const [users, tombstones, config, cardChanges, typedIds] = await Promise.all([
    db.selectFrom('users').selectAll().where('seq', '>', after).where('seq', '<=', latest).orderBy('seq').limit(take).execute(),
    db.selectFrom('user_tombstones').select(['id', 'seq']).where('seq', '>', after).where('seq', '<=', latest).orderBy('seq').limit(take).execute(),
    db.selectFrom('config').select(['name', 'value', 'seq']).where('seq', '>', after).where('seq', '<=', latest)
      // Directory and User web settings stay on the central store (kiosks never see directory settings).
      .where((eb) => eb.and(CENTRAL_ONLY_KEY_PREFIXES.map((prefix) => eb('name', 'not like', `${prefix}%`))))
      .orderBy('seq').limit(take).execute(),
    db
      .selectFrom('card_changes')
      .select(['id', 'user_id', 'field', 'kind', 'at', 'kiosk_id', 'seq'])
      .where('seq', '>', after)
      .where('seq', '<=', latest)
      .where('at', '>', now - CARD_CHANGE_HORIZON_MS)
      .orderBy('seq')
      .limit(take)
      .execute(),
    db.selectFrom('typed_id_attempts').selectAll().where('seq', '>', after).where('seq', '<=', latest)
      .where('last_failure_at', '>', now - TYPED_ID_HORIZON_MS).orderBy('seq').limit(take).execute(),
  ]);
  const merged: FeedChange[] = [];
  for (const row of users) merged.push({ seq: Number(row.seq), type: 'user', user: toUser(row) });
  for (const row of tombstones) merged.push({ seq: Number(row.seq), type: 'user-deleted', userId: row.id });
  for (const row of config) merged.push({ seq: Number(row.seq), type: 'config', name: row.name, value: JSON.parse(row.value) as boolean | number | string });
  for (const row of cardChanges) {
    merged.push({
      seq: Number(row.seq), type: 'card-change', id: row.id, userId: row.user_id, field: row.field,
      kind: row.kind === 'manual' ? 'manual' : 'generated', at: Number(row.at), kioskId: row.kiosk_id,
    });
  }
  for (const row of typedIds) {
    merged.push({
      seq: Number(row.seq), type: 'typed-id-lock', digest: row.digest, failures: Number(row.failures),
      lockedUntil: row.locked_until === null ? null : Number(row.locked_until),
      lastFailureAt: row.last_failure_at === null ? null : Number(row.last_failure_at),
    });
  }
  merged.sort((a, b) => a.seq - b.seq);
  const hasMore = merged.length > limit;
  const changes = hasMore ? merged.slice(0, limit) : merged;
  const next = hasMore ? changes[changes.length - 1]!.seq : latest;
  return { changes, next, latest, hasMore, resync: false };
}
