import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { sql } from 'kysely';
import { yieldToEventLoop } from '../../userImport/eventLoopYield.js';
import type { CentralStorage, WriteTx } from '../storage/centralStorage.js';
import type { CentralDialect } from '../storage/migrations/columnTypes.js';
import { insertUserRows, takenReasons, type NewUserRow } from './userRows.js';

/**
 * An import published in short transactions (issue 11, finding 3; migration 9; docs/DESIGN.md
 * "CSV import under load"). One transaction over 150,000 rows held the write lock for seconds (on
 * SQLite the whole process with it), so instead:
 * 1. `addPendingUsers` writes a chunk of users per transaction, marked with the import: invisible
 *    to every read (visibleUser), but holding their usernames and numbers, so the unique indexes
 *    still guard them and a later chunk cannot clash with a committed one;
 * 2. `publishImport`, one tiny transaction, flips the import to published: all rows appear at once;
 * 3. `settleImport` gives them change-feed sequences a chunk at a time (kiosks receive them
 *    seconds later, as with any pull) and drops the marker.
 * A failure before the flip discards the rows (`discardImport`); a central process that died with an
 * import pending has it swept when it, or another process, starts (`sweepImports`).
 */

/**
 * Rows per write transaction, measured (docs/DESIGN.md "CSV import under load"). SQLite writes
 * block the event loop, and an insert's cost per row climbs past ~100 rows (the FTS5 trigram
 * triggers): 100 rows take ~10 ms. PostgreSQL blocks only other writers, and per-row cost
 * dominates there (larger chunks did not shorten the import): 250 rows take ~35 ms.
 */
export const ROWS_PER_TRANSACTION: Readonly<Record<CentralDialect, number>> = { sqlite: 100, postgres: 250 };

/** An import whose owner has not written for this long is dead, wherever its process ran. */
const STALE_AFTER_MS = 10 * 60_000;

const BOOT = randomUUID();
/** host/pid/boot: a restarted process (same host, same pid in a container, another boot) knows its own dead imports. */
const THIS_PROCESS = `${os.hostname()}/${process.pid}/${BOOT}`;

export async function beginImport(storage: CentralStorage, importId: string, rows: number, now: number): Promise<void> {
  await storage.write((tx) => tx.db.insertInto('user_imports')
    .values({ id: importId, state: 'pending', owner: THIS_PROCESS, rows, started_at: now, heartbeat_at: now }).execute());
}

/** Writes refused by a unique index: usernames (lower(username)) or Card/ID numbers (card_numbers' key). */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Writes one chunk of the import's users, unseen, in one short transaction, unless someone took a
 * username or Card/ID number since the plan: then nothing of the chunk is written and the
 * problems (indexes into `users`) come back. The unique indexes do the checking (pending rows hold
 * theirs too), so a chunk is two INSERTs; only a refused chunk is looked at row by row, afterwards.
 */
export async function addPendingUsers(
  storage: CentralStorage, importId: string, users: readonly NewUserRow[], firstPosition: number, now: number,
): Promise<{ index: number; reason: string }[]> {
  try {
    await storage.write(async (tx) => {
      if (heartbeatDue(importId, now)) {
        const alive = await tx.db.updateTable('user_imports').set({ heartbeat_at: now }).where('id', '=', importId).where('state', '=', 'pending').executeTakeFirst();
        if (alive.numUpdatedRows === 0n) throw new Error(SWEPT);
      }
      await insertUserRows(tx, users, now, { importId, firstPosition });
    });
    return [];
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const problems = await takenReasons(storage.db, users);
    // Taken and freed again in between: the constraint's own words, rather than a false "no problem".
    if (problems.length === 0) throw error;
    return problems;
  }
}

/** How often a running import says it is alive: far inside STALE_AFTER_MS, rare enough to cost nothing. */
const HEARTBEAT_EVERY_MS = 60_000;
const lastHeartbeat = new Map<string, number>();

function heartbeatDue(importId: string, now: number): boolean {
  const last = lastHeartbeat.get(importId);
  if (last !== undefined && now - last < HEARTBEAT_EVERY_MS) return false;
  lastHeartbeat.set(importId, now);
  return true;
}

const SWEPT = 'This import was swept as abandoned while it ran; nothing of it was imported.';

/** The flip, in the caller's transaction: every row of the import is seen from its commit on. */
export async function publishImport(tx: WriteTx, importId: string): Promise<void> {
  const flipped = await tx.db.updateTable('user_imports').set({ state: 'published' }).where('id', '=', importId).where('state', '=', 'pending').executeTakeFirst();
  if (flipped.numUpdatedRows === 0n) throw new Error(SWEPT);
  lastHeartbeat.delete(importId);
}

/** Chunk ranges of positions 0 … rows-1. */
function* chunks(rows: number, dialect: CentralDialect): Generator<[number, number]> {
  const size = ROWS_PER_TRANSACTION[dialect];
  for (let low = 0; low < rows; low += size) yield [low, Math.min(rows, low + size)];
}

/**
 * Gives a published import's rows their change-feed sequences and drops the marker, a chunk per
 * transaction. A row someone changed meanwhile already has a sequence and keeps it. Safe to run
 * twice at once (two processes starting): a settled row no longer matches. `stop` (a process
 * stopping) ends it between chunks; the rows are visible meanwhile and the next start finishes them.
 */
export async function settleImport(storage: CentralStorage, importId: string, rows: number, stop?: AbortSignal): Promise<boolean> {
  for (const [low, high] of chunks(rows, storage.dialect)) {
    if (stop?.aborted) return false;
    await storage.write(async (tx) => {
      const first = await tx.reserveSeqs(high - low);
      // One statement per chunk: each row is rewritten once (on PostgreSQL every rewrite adds index entries, the trigram ones included).
      await tx.db.updateTable('users').set((eb) => ({
        seq: sql<number>`case when ${eb.ref('seq')} = 0 then cast(${first - low} as bigint) + ${eb.ref('import_position')} else ${eb.ref('seq')} end`,
        import_id: null,
        import_position: null,
      })).where('import_id', '=', importId).where('import_position', '>=', low).where('import_position', '<', high).execute();
    });
    await yieldToEventLoop();
  }
  await storage.write((tx) => tx.db.deleteFrom('user_imports').where('id', '=', importId).where('state', '=', 'published').execute());
  return true;
}

/**
 * Removes every row of an import that was never published, a chunk per transaction, then the
 * import. `stop` ends it between chunks: the rest stays invisible until the next sweep.
 */
export async function discardImport(storage: CentralStorage, importId: string, rows: number, stop?: AbortSignal): Promise<boolean> {
  lastHeartbeat.delete(importId);
  for (const [low, high] of chunks(rows, storage.dialect)) {
    if (stop?.aborted) return false;
    await storage.write(async (tx) => {
      const ids = tx.db.selectFrom('users').select('id')
        .where('import_id', '=', importId).where('import_position', '>=', low).where('import_position', '<', high);
      await tx.db.deleteFrom('card_numbers').where('user_id', 'in', ids).execute();
      await tx.db.deleteFrom('users').where('import_id', '=', importId).where('import_position', '>=', low).where('import_position', '<', high).execute();
    });
    await yieldToEventLoop();
  }
  await storage.write((tx) => tx.db.deleteFrom('user_imports').where('id', '=', importId).where('state', '=', 'pending').execute());
  return true;
}

function isGone(owner: string, heartbeatAt: number, now: number): boolean {
  if (now - heartbeatAt > STALE_AFTER_MS) return true;
  const [host, pid, boot] = owner.split('/');
  if (host !== os.hostname()) return false;
  if (Number(pid) === process.pid) return boot !== BOOT;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Finishes what dead processes left: discards imports that never flipped, settles those that did.
 * Run when a central process starts and before each import. Returns what it finished, for the log.
 * `stop` (the process stopping: a large import can take a minute to settle) ends it between two
 * chunks; every step is safe to resume, and the next start does.
 */
export async function sweepImports(storage: CentralStorage, now: number, stop?: AbortSignal): Promise<{ discarded: number; settled: number; stopped: boolean }> {
  const imports = await storage.db.selectFrom('user_imports').selectAll().execute();
  const done = { discarded: 0, settled: 0, stopped: false };
  for (const found of imports) {
    if (found.state === 'published') {
      if (!(await settleImport(storage, found.id, Number(found.rows), stop))) return { ...done, stopped: true };
      done.settled++;
    } else if (isGone(found.owner, Number(found.heartbeat_at), now)) {
      if (!(await discardImport(storage, found.id, Number(found.rows), stop))) return { ...done, stopped: true };
      done.discarded++;
    }
  }
  return done;
}
