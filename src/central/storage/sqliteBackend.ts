import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import { AnnouncementHub } from './announcementHub.js';
import type { CentralStorage, WriteTx } from './centralStorage.js';
import type { CentralTables } from './centralTables.js';
import { migrateCentral } from './migrator.js';


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
 * Announcements stay in this process: one SQLite central store serves one site from one process.
 */
export async function openSqliteStorage(file: string): Promise<CentralStorage> {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('busy_timeout = 10000');
  raw.pragma('foreign_keys = ON');
  raw.pragma('synchronous = NORMAL');
  const db = new Kysely<CentralTables>({ dialect: new SqliteDialect({ database: cachingDatabase(raw) }) });
  const hub = new AnnouncementHub();
  // Only this process writes the file (one SQLite central store per site), so the committed
  // sequence is known here without a query: the idle `changes` poll costs no database round trip.
  let committedSeq = 0;

  async function write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> {
    let announced = 0;
    const result = await db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      const reserve = async (count: number) => {
        const row = await sql<{ seq: number }>`update change_counter set seq = seq + ${count} where id = 1 returning seq`.execute(conn);
        announced = Number(row.rows[0]!.seq);
        return announced;
      };
      try {
        const value = await fn({
          db: conn,
          nextSeq: () => reserve(1),
          reserveSeqs: async (count) => (await reserve(count)) - count + 1,
        });
        await sql`commit`.execute(conn);
        return value;
      } catch (error) {
        if (raw.inTransaction) await sql`rollback`.execute(conn);
        announced = 0;
        throw error;
      }
    });
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
    latestSeq: () => Promise.resolve(committedSeq),
    onAnnouncement: (listener) => hub.subscribe(listener),
    async ready() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
  await write((tx) => migrateCentral(tx, 'sqlite'));
  committedSeq = Number(raw.prepare('SELECT seq FROM change_counter WHERE id = 1').pluck().get() ?? 0);
  return storage;
}
