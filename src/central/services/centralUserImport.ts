import { Readable } from 'node:stream';
import { usernameExists, usernameKey, validatePinPolicy, type Clock, type NewUser, type PinHasher, type RandomSource } from '../../core/index.js';
import { hashPinsBounded } from '../../userImport/boundedPinHashing.js';
import { ROWS_PER_YIELD, yieldToEventLoop } from '../../userImport/eventLoopYield.js';
import { planImport, type RowProblem } from '../../userImport/importPlan.js';
import { readUserCsv, type UserCsvItem } from '../../userImport/userCsvReader.js';
import type { CentralDb, CentralStorage } from '../storage/centralStorage.js';
import type { AdminActor, AdminWriteContext } from './adminUsers.js';
import { appendAudit } from './centralAudit.js';
import { openImportStaging } from './importStaging.js';
import { readConfig } from './centralConfig.js';
import { insertUserRows, takenAmong } from './userRows.js';

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

/** Rows hashed and staged between two yields; bounds the hashes held in memory at once. */
const STAGE_CHUNK = 2000;

export interface CentralImportDeps {
  readonly storage: CentralStorage;
  readonly pinHasher: Pick<PinHasher, 'hash'>;
  readonly hashConcurrency: number;
  readonly clock: Clock;
  readonly random: RandomSource;
}

/**
 * CSV import on the central store: the same file format, row rules and all-or-nothing rule as
 * `badgekiosk users import` (src/userImport). Built so that a 150,000-row file does not stall the
 * store (issue 11, finding 3; docs/DESIGN.md "CSV import under load"): the file is parsed as it
 * arrives and planned against the database in batches, yielding to the event loop between them;
 * PINs are hashed and rows staged in a TEMP table on the import's own connection, a chunk at a
 * time; only the last step takes the write lock: one transaction that re-checks the staged rows
 * against what others committed meanwhile and copies them into users and card_numbers with
 * set-based statements.
 */
export async function importUsersCsv(csv: string | Readable, deps: CentralImportDeps, actor: AdminActor): Promise<CentralImportOutcome> {
  const db = deps.storage.db;
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
  return deps.storage.session(async (session) => {
    const staging = await openImportStaging(session.db);
    try {
      let withPin = 0;
      for (let start = 0; start < rows.length; start += STAGE_CHUNK) {
        const chunk = rows.slice(start, start + STAGE_CHUNK);
        const hashes = await hashPinsBounded(chunk.map((row) => row.pin), deps.pinHasher, deps.hashConcurrency);
        withPin += hashes.filter((hash) => hash !== null).length;
        await staging.add(chunk.map((row, i) => ({
          position: start + i, line: row.line, id: deps.random.uuid(), username: row.username, displayName: row.displayName,
          email: row.email, primaryCard: row.primaryCard, secondaryCard: row.secondaryCard, pinHash: hashes[i] ?? null,
        })));
        await yieldToEventLoop();
      }
      return await session.write(async (tx) => {
        const conflicts = await staging.conflicts(tx);
        if (conflicts.problemCount > 0) return { ok: false as const, ...conflicts };
        const now = deps.clock.now();
        await staging.publish(tx, rows.length, now);
        await appendAudit(tx.db, {
          id: deps.random.uuid(), at: now, kind: 'user.import', outcome: 'success', userId: null, username: null, kioskId: null,
          actor: actor.username, code: null, details: { users: rows.length, withPin },
        });
        return { ok: true as const, imported: rows.length, withPin };
      });
    } finally {
      await staging.drop();
    }
  });
}

/**
 * Inserts checked users in the caller's write transaction, all or none, audited as one
 * `user.import`. Usernames and numbers are checked again here, in batches: another administrator
 * may have got in since the plan. Problems index into `users`.
 */
export async function insertNewUsers(
  w: AdminWriteContext, users: readonly NewUser[],
): Promise<{ ok: true } | { ok: false; problems: readonly { index: number; reason: string }[] }> {
  const cards = users.flatMap((user) => [user.primaryCard, user.secondaryCard].filter((c): c is string => c !== null));
  const taken = await takenAmong(w.tx.db, users.map((user) => user.username), cards);
  const problems: { index: number; reason: string }[] = [];
  for (const [index, user] of users.entries()) {
    const reasons = [
      ...(taken.usernames.has(usernameKey(user.username)) ? [usernameExists(user.username, taken.usernames.get(usernameKey(user.username))!)] : []),
      ...([['primary', user.primaryCard], ['secondary', user.secondaryCard]] as const).flatMap(([label, card]) =>
        card !== null && taken.cards.has(card) ? [`the ${label} Card/ID number is already held by user ${taken.cards.get(card)}`] : []),
    ];
    if (reasons.length > 0) problems.push({ index, reason: reasons.join('; ') });
  }
  if (problems.length > 0) return { ok: false, problems };
  await insertUserRows(w.tx, users.map((user) => ({ id: w.random.uuid(), ...user })), w.now);
  await appendAudit(w.tx.db, {
    id: w.random.uuid(), at: w.now, kind: 'user.import', outcome: 'success', userId: null, username: null, kioskId: null,
    actor: w.actor.username, code: null, details: { users: users.length, withPin: users.filter((user) => user.pinHash !== null).length },
  });
  return { ok: true };
}
