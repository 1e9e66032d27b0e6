import { preparePrivateDatabaseFile } from '../../platform/index.js';
import Database from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import { AnnouncementHub } from './announcementHub.js';
import { RevocationHub } from './revocationHub.js';
import type { CentralStorage, WriteTx } from './centralStorage.js';
import type { CentralTables } from './centralTables.js';
import { migrateCentral } from './migrator.js';
import { sequencedTransaction } from './sequencedTransaction.js';

// Compiled once: every write runs them, and building them was a tenth of a sign-in's Kysely time.
const BEGIN_IMMEDIATE = CompiledQuery.raw('begin immediate');
const COMMIT = CompiledQuery.raw('commit');
const ROLLBACK = CompiledQuery.raw('rollback');

/** How often live channels check for sequences another process committed to the same file. */
const OTHER_WRITERS_POLL_MS = 500;

/**
 * better-sqlite3 behind Kysely, with prepared statements kept (Kysely prepares on every query,
 * which dominates the cost of small queries on SQLite).
 */
function cachingDatabase(db: Database.Database): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => db.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (!statement) {
        statement = db.prepare(text);
        if (cache.size > 500) cache.clear();
        cache.set(text, statement);
      }
      return statement as never;
    },
  };
}

/**
 * The embedded default backend: one SQLite file in WAL mode, one connection per process. Writes
 * take the write lock at BEGIN (IMMEDIATE) so a second process on the same file (the `central
 * admin create` command beside a running server) waits instead of failing mid-transaction.
 * Sequences committed by another process on the same file (`badgekiosk central` beside the store
 * `badgekiosk start` embeds, an administrator's command) are noticed through `PRAGMA data_version`
 * and announced here too, within OTHER_WRITERS_POLL_MS.
 */
export async function openSqliteStorage(file: string): Promise<CentralStorage> {
  preparePrivateDatabaseFile(file);
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('busy_timeout = 10000');
  raw.pragma('foreign_keys = ON');
  raw.pragma('synchronous = NORMAL');
  const db = new Kysely<CentralTables>({ dialect: new SqliteDialect({ database: cachingDatabase(raw) }) });
  const hub = new AnnouncementHub();
  const revocations = new RevocationHub();
  // This process's own commits keep the committed sequence without a query, so the idle `changes`
  // poll costs no database round trip; another connection's commits change `data_version`.
  let committedSeq = 0;
  const dataVersion = raw.prepare('PRAGMA data_version').pluck();
  // Prepared once the migrations made the table.
  let counter: Database.Statement | undefined;
  let seenVersion: unknown;
  let checkedAt = -Infinity;
  /**
   * `throttled` (the token check and the latest sequence, before and in every kiosk request): at
   * most once a millisecond, since under load the PRAGMA was an eighth of an idle pull's cost.
   * Another process's commit (a revocation, new rows) is seen a millisecond later at worst; a pull
   * in that millisecond answers the previous latest, so its cursor never passes unseen rows.
   */
  function catchUpWithOtherWriters(throttled = false): void {
    // Inside this process's own open transaction the counter may hold a sequence not yet committed:
    // announcing it would let a kiosk move its cursor past rows it cannot see yet.
    if (!counter || raw.inTransaction || !raw.open) return;
    const now = performance.now();
    if (throttled && now - checkedAt < 1) return;
    checkedAt = now;
    const version = dataVersion.get();
    if (version === seenVersion) return;
    seenVersion = version;
    // Another process committed: it may have revoked a kiosk, and it cannot say which.
    revocations.emit(null);
    const seq = Number(counter.get() ?? 0);
    if (seq > committedSeq) {
      committedSeq = seq;
      hub.announce(seq);
    }
  }

  async function write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> {
    let announced = 0;
    let revoked: readonly string[] = [];
    const result = await db.connection().execute(async (conn) => {
      await conn.executeQuery(BEGIN_IMMEDIATE);
      const transaction = sequencedTransaction(conn);
      try {
        const value = await fn(transaction.tx);
        await conn.executeQuery(COMMIT);
        announced = transaction.highestReserved();
        revoked = transaction.revokedKiosks();
        return value;
      } catch (error) {
        if (raw.inTransaction) await conn.executeQuery(ROLLBACK);
        throw error;
      }
    });
    for (const kioskId of revoked) revocations.emit(kioskId);
    if (announced > 0) {
      committedSeq = announced;
      hub.announce(announced);
    }
    return result;
  }

  const storage: CentralStorage = {
    dialect: 'sqlite',
    db,
    write,
    // One connection per process already; holding it (Kysely's mutex) for a whole job would stall every request.
    latestSeq: () => {
      catchUpWithOtherWriters(true);
      return Promise.resolve(committedSeq);
    },
    onAnnouncement: (listener) => hub.subscribe(listener),
    onKioskRevoked: (listener) => revocations.subscribe(listener),
    // Emitted in this process right after the commit, before write() resolved.
    revocationHeard: () => Promise.resolve(),
    noticeOtherWriters: () => catchUpWithOtherWriters(true),
    async ready() {
      await sql`select 1`.execute(db);
    },
    async close() {
      clearInterval(otherWriters);
      await db.destroy();
    },
  };
  await write((tx) => migrateCentral(tx, 'sqlite'));
  counter = raw.prepare('SELECT seq FROM change_counter WHERE id = 1').pluck();
  committedSeq = Number(counter.get() ?? 0);
  seenVersion = dataVersion.get();
  const otherWriters = setInterval(catchUpWithOtherWriters, OTHER_WRITERS_POLL_MS);
  otherWriters.unref();
  return storage;
}
