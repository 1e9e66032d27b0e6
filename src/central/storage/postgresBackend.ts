import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { AnnouncementHub } from './announcementHub.js';
import { RevocationHub } from './revocationHub.js';
import type { CentralStorage, WriteTx } from './centralStorage.js';
import type { CentralTables } from './centralTables.js';
import { migrateCentral } from './migrator.js';
import { sequencedTransaction } from './sequencedTransaction.js';

/** Channel of LISTEN/NOTIFY: every central process on the database hears every new sequence. */
export const CHANGE_CHANNEL = 'badgekiosk_changes';
/** Channel of LISTEN/NOTIFY for kiosk revocations: every process drops that kiosk's cached token. */
export const REVOCATION_CHANNEL = 'badgekiosk_revocations';
/** Key of the transaction-scoped advisory lock serializing writes across processes. */
const WRITE_LOCK_KEY = 4_711_042;

/** Epoch milliseconds and sequences are bigint: read them as numbers (they stay far below 2^53). */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

export interface PostgresStorageOptions {
  readonly poolSize?: number;
  /** Hook for tests: called whenever the LISTEN connection (re)connects. */
  readonly onListening?: () => void;
}

/**
 * PostgreSQL backend: Kysely over a pg pool. Several central processes may share one database:
 * writes are serialized by an advisory lock held to commit (so sequence order is commit order),
 * and announcements go through NOTIFY inside the writing transaction, delivered at commit to
 * every process's LISTEN connection, this one included.
 */
export async function openPostgresStorage(url: string, options: PostgresStorageOptions = {}): Promise<CentralStorage> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, types });
  pool.on('error', () => {
    // An idle client lost its server; the pool replaces it on the next checkout.
  });
  const db = new Kysely<CentralTables>({ dialect: new PostgresDialect({ pool }) });
  const hub = new AnnouncementHub();
  const revocations = new RevocationHub();
  let listener: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let retryTimer: NodeJS.Timeout | null = null;

  async function latestSeq(): Promise<number> {
    const row = await db.selectFrom('change_counter').select('seq').where('id', '=', 1).executeTakeFirst();
    return Number(row?.seq ?? 0);
  }

  async function listen(attempt = 0): Promise<void> {
    if (closed) return;
    const client = new pg.Client({ connectionString: url, types });
    const retry = () => {
      listening = false;
      if (listener === client) listener = null;
      client.removeAllListeners();
      client.on('error', () => {});
      void client.end().catch(() => {});
      if (closed || retryTimer) return;
      const delay = Math.min(5000, 100 * 2 ** attempt) * (0.5 + Math.random() / 2);
      retryTimer = setTimeout(() => {
        retryTimer = null;
        void listen(attempt + 1);
      }, delay);
      retryTimer.unref();
    };
    client.on('error', retry);
    client.on('end', retry);
    client.on('notification', (message) => {
      if (message.channel === CHANGE_CHANNEL) hub.announce(Number(message.payload));
      if (message.channel === REVOCATION_CHANNEL && message.payload) revocations.emit(message.payload);
    });
    try {
      await client.connect();
      await client.query(`listen ${CHANGE_CHANNEL}`);
      await client.query(`listen ${REVOCATION_CHANNEL}`);
      listener = client;
      // Revocations made while this connection was down were missed: drop every cached token.
      revocations.emit(null);
      listening = true;
      attempt = 0;
      options.onListening?.();
      // Announcements made while this connection was down were missed: announce what is there now.
      hub.announce(await latestSeq());
    } catch {
      retry();
    }
  }

  async function write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> {
    return db.connection().execute((conn) => writeOn(conn, fn));
  }

  /** One write transaction on `conn`, serialized across every process by the advisory lock. */
  async function writeOn<T>(conn: Kysely<CentralTables>, fn: (tx: WriteTx) => Promise<T>): Promise<T> {
    await sql`begin`.execute(conn);
    try {
      await sql`select pg_advisory_xact_lock(${WRITE_LOCK_KEY})`.execute(conn);
      const transaction = sequencedTransaction(conn);
      const value = await fn(transaction.tx);
      const announced = transaction.highestReserved();
      if (announced > 0) await sql`select pg_notify(${CHANGE_CHANNEL}, ${String(announced)})`.execute(conn);
      for (const kioskId of transaction.revokedKiosks()) await sql`select pg_notify(${REVOCATION_CHANNEL}, ${kioskId})`.execute(conn);
      await sql`commit`.execute(conn);
      return value;
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => {});
      throw error;
    }
  }

  const storage: CentralStorage = {
    dialect: 'postgres',
    db,
    write,
    latestSeq,
    onAnnouncement: (l) => hub.subscribe(l),
    onKioskRevoked: (l) => revocations.subscribe(l),
    // PostgreSQL hands a NOTIFY to every listening process at the same commit; hearing our own copy,
    // then a moment for the other processes' event loops, keeps the answer behind them all.
    revocationHeard: async (kioskId) => {
      await revocations.heard(kioskId, 2_000);
      await new Promise((resolve) => setTimeout(resolve, 50));
    },
    noticeOtherWriters: () => undefined,
    async ready() {
      await sql`select 1`.execute(db);
      if (!listening) throw new Error('Not listening for change announcements (LISTEN connection down).');
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const client = listener;
      listener = null;
      if (client) {
        client.removeAllListeners();
        client.on('error', () => {});
        await client.end().catch(() => {});
      }
      await db.destroy();
    },
  };
  try {
    await write((tx) => migrateCentral(tx, 'postgres'));
    await listen();
  } catch (error) {
    await storage.close();
    throw error;
  }
  return storage;
}
