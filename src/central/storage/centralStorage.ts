import type { Kysely } from 'kysely';
import type { CentralTables } from './centralTables.js';
import type { CentralDialect } from './migrations/columnTypes.js';

export type CentralDb = Kysely<CentralTables>;

/** One write transaction: its queries, and the change-feed sequence for the rows it changes. */
export interface WriteTx {
  readonly db: CentralDb;
  /**
   * Next change-feed sequence. Writes are serialized across every central process sharing the
   * database, so a sequence becomes visible only after every smaller one: a kiosk that has read
   * up to N can never later meet a row with a sequence below N.
   */
  nextSeq(): Promise<number>;
  /** Reserves `count` sequences at once (bulk imports) and returns the first; they run to first + count - 1. */
  reserveSeqs(count: number): Promise<number>;
  /** Tells every central process, once this transaction commits, that this kiosk's token is revoked. */
  kioskRevoked(kioskId: string): void;
}

export type AnnouncementListener = (seq: number) => void;

/**
 * The storage of the central store, behind one interface with two backends
 * (sqliteBackend.ts, postgresBackend.ts). Services hold no state of their own beyond caches:
 * everything, announcements included, goes through the database.
 */
export interface CentralStorage {
  readonly dialect: CentralDialect;
  /** Reads outside a transaction. */
  readonly db: CentralDb;
  /** Runs fn in one write transaction: all of it lands, or (fn throwing) none of it does. */
  write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T>;
  /** The latest committed change-feed sequence. */
  latestSeq(): Promise<number>;
  /** Called with the new latest sequence after a commit, whichever process made it. */
  onAnnouncement(listener: AnnouncementListener): () => void;
  /**
   * Called when a kiosk is revoked, whichever process revoked it (null: something may have been
   * revoked by a writer this process cannot hear by name; drop every cached token).
   */
  onKioskRevoked(listener: (kioskId: string | null) => void): () => void;
  /**
   * Resolves once this process has heard the revocation of `kioskId` through the same path every
   * other process hears it (NOTIFY on PostgreSQL), so an answer sent after it is never ahead of them.
   */
  revocationHeard(kioskId: string): Promise<void>;
  /** Notices, now, what other processes committed (SQLite other writers); a no-op where announcements are pushed. */
  noticeOtherWriters(): void;
  /** Throws if the database cannot answer or live announcements are not flowing. */
  ready(): Promise<void>;
  close(): Promise<void>;
}
