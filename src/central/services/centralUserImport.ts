import { Readable } from 'node:stream';
import { usernameExists, usernameKey, validatePinPolicy, type Clock, type NewUser, type PinHasher, type RandomSource } from '../../core/index.js';
import { hashPinsBounded } from '../../userImport/boundedPinHashing.js';
import { ROWS_PER_YIELD, yieldToEventLoop } from '../../userImport/eventLoopYield.js';
import { planImport, type RowProblem } from '../../userImport/importPlan.js';
import { readUserCsv, type UserCsvItem } from '../../userImport/userCsvReader.js';
import type { CentralDb, CentralStorage } from '../storage/centralStorage.js';
import type { AdminActor, AdminWriteContext } from './adminUsers.js';
import { appendAudit } from './centralAudit.js';
import { addPendingUsers, beginImport, discardImport, publishImport, ROWS_PER_TRANSACTION, settleImport, sweepImports } from './pendingImport.js';
import { readConfig } from './centralConfig.js';
import { insertUserRows, takenAmong, takenReasons } from './userRows.js';

export type CentralImportOutcome =
  | { readonly ok: true; readonly imported: number; readonly withPin: number }
  | { readonly ok: false; readonly problems: readonly RowProblem[]; readonly problemCount: number };

/** Who holds the file's usernames and numbers, asked a thousand at a time (a round trip each on PostgreSQL), yielding between. */
async function existingHolders(db: CentralDb, items: readonly UserCsvItem[]) {
  const usernames: string[] = [];
  const cards: string[] = [];
  for (const item of items) {
    if (item.kind !== 'record') continue;
    usernames.push(item.record.username.trim());
    for (const card of [item.record.primaryCard.trim(), item.record.secondaryCard.trim()]) if (card !== '') cards.push(card);
  }
  const taken = { usernames: new Map<string, string>(), cards: new Map<string, string>() };
  for (let i = 0; i < Math.max(usernames.length, cards.length); i += ROWS_PER_YIELD) {
    const some = await takenAmong(db, usernames.slice(i, i + ROWS_PER_YIELD), cards.slice(i, i + ROWS_PER_YIELD));
    for (const [key, holder] of some.usernames) taken.usernames.set(key, holder);
    for (const [card, holder] of some.cards) taken.cards.set(card, holder);
    await yieldToEventLoop();
  }
  return {
    findByUsername: (username: string) => {
      const holder = taken.usernames.get(usernameKey(username));
      return holder === undefined ? undefined : { username: holder };
    },
    isCardTaken: (card: string) => taken.cards.has(card),
    findByCard: (card: string) => {
      const username = taken.cards.get(card);
      return username === undefined ? undefined : { username };
    },
  };
}

/** A string import (the embedded store's demo users) read in pieces, as an upload arrives, so parsing yields too. */
function asStream(csv: string | Readable): Readable {
  if (typeof csv !== 'string') return csv;
  return Readable.from((function* pieces() {
    for (let i = 0; i < csv.length; i += 64 * 1024) yield csv.slice(i, i + 64 * 1024);
  })());
}

export interface CentralImportDeps {
  readonly storage: CentralStorage;
  readonly pinHasher: Pick<PinHasher, 'hash'>;
  readonly hashConcurrency: number;
  readonly clock: Clock;
  readonly random: RandomSource;
}

type PlannedRow = Awaited<ReturnType<typeof planImport>>['rows'][number];

/**
 * After a chunk was refused: every later row checked too (read-only, a thousand at a time), so the
 * administrator sees all the lines to fix at once, as the plan would have named them.
 */
async function laterConflicts(db: CentralDb, rows: readonly PlannedRow[], from: number): Promise<RowProblem[]> {
  const problems: RowProblem[] = [];
  for (let start = from; start < rows.length; start += ROWS_PER_YIELD) {
    const chunk = rows.slice(start, start + ROWS_PER_YIELD);
    for (const problem of await takenReasons(db, chunk)) problems.push({ line: chunk[problem.index]!.line, reason: problem.reason });
    await yieldToEventLoop();
  }
  return problems;
}

const MAX_REPORTED_PROBLEMS = 1000;

/**
 * CSV import on the central store: the same file format, row rules and all-or-nothing rule as
 * `badgekiosk users import` (src/userImport). Built so that a 150,000-row file does not stall the
 * store (issue 11, finding 3; docs/DESIGN.md "CSV import under load"): the file is parsed as it
 * arrives and planned against the database in batches, yielding to the event loop between them;
 * then, a chunk at a time, PINs are hashed and the users written unseen in a short transaction of
 * their own (pendingImport.ts), each chunk re-checked against what others committed meanwhile;
 * one tiny transaction publishes them all, and their change-feed sequences follow in chunks.
 */
export async function importUsersCsv(csv: string | Readable, deps: CentralImportDeps, actor: AdminActor): Promise<CentralImportOutcome> {
  const { storage } = deps;
  const db = storage.db;
  await sweepImports(storage, deps.clock.now());
  const config = await readConfig(db);
  const policy = { minLength: config['pin.min-length'], maxLength: config['pin.max-length'] };
  const items: UserCsvItem[] = [];
  for await (const item of readUserCsv(asStream(csv))) {
    if (items.push(item) % ROWS_PER_YIELD === 0) await yieldToEventLoop();
  }
  const plan = await planImport(items, await existingHolders(db, items), (pin) => {
    const checked = validatePinPolicy(pin, policy);
    return checked.ok ? null : checked.error.message;
  });
  items.length = 0;
  if (plan.problemCount > 0) return { ok: false, problems: plan.problems, problemCount: plan.problemCount };
  const rows = plan.rows;
  const importId = deps.random.uuid();
  await beginImport(storage, importId, rows.length, deps.clock.now());
  let published = false;
  try {
    let withPin = 0;
    const size = ROWS_PER_TRANSACTION[storage.dialect];
    for (let start = 0; start < rows.length; start += size) {
      const chunk = rows.slice(start, start + size);
      const hashes = await hashPinsBounded(chunk.map((row) => row.pin), deps.pinHasher, deps.hashConcurrency);
      withPin += hashes.filter((hash) => hash !== null).length;
      const users = chunk.map((row, i) => ({
        id: deps.random.uuid(), username: row.username, displayName: row.displayName, email: row.email,
        primaryCard: row.primaryCard, secondaryCard: row.secondaryCard, pinHash: hashes[i] ?? null,
      }));
      const refused = await addPendingUsers(storage, importId, users, start, deps.clock.now());
      if (refused.length > 0) {
        const problems = [
          ...refused.map((problem) => ({ line: chunk[problem.index]!.line, reason: problem.reason })),
          ...(await laterConflicts(db, rows, start + size)),
        ];
        return { ok: false, problems: problems.slice(0, MAX_REPORTED_PROBLEMS), problemCount: problems.length };
      }
      await yieldToEventLoop();
    }
    await storage.write(async (tx) => {
      await publishImport(tx, importId);
      await appendAudit(tx.db, {
        id: deps.random.uuid(), at: deps.clock.now(), kind: 'user.import', outcome: 'success', userId: null, username: null, kioskId: null,
        actor: actor.username, code: null, details: { users: rows.length, withPin },
      });
    });
    published = true;
    await settleImport(storage, importId, rows.length);
    return { ok: true, imported: rows.length, withPin };
  } finally {
    // Unpublished rows go now; if this fails too (the database gone), the next start sweeps them.
    if (!published) await discardImport(storage, importId, rows.length);
  }
}

/**
 * Inserts checked users in the caller's write transaction, all or none, audited as one
 * `user.import`. Usernames and numbers are checked again here, in batches: another administrator
 * may have got in since the plan. Problems index into `users`.
 */
export async function insertNewUsers(
  w: AdminWriteContext, users: readonly NewUser[],
): Promise<{ ok: true } | { ok: false; problems: readonly { index: number; reason: string }[] }> {
  const problems = await takenReasons(w.tx.db, users);
  if (problems.length > 0) return { ok: false, problems };
  await insertUserRows(w.tx, users.map((user) => ({ id: w.random.uuid(), ...user })), w.now);
  await appendAudit(w.tx.db, {
    id: w.random.uuid(), at: w.now, kind: 'user.import', outcome: 'success', userId: null, username: null, kioskId: null,
    actor: w.actor.username, code: null, details: { users: users.length, withPin: users.filter((user) => user.pinHash !== null).length },
  });
  return { ok: true };
}
