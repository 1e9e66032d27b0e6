import { Readable } from 'node:stream';
import { validatePinPolicy, type NewUser, type PinHasher } from '../../core/index.js';
import { hashPinsBounded } from '../../userImport/boundedPinHashing.js';
import { planImport, type RowProblem } from '../../userImport/importPlan.js';
import { readUserCsv, type UserCsvItem } from '../../userImport/userCsvReader.js';
import type { CentralDb, CentralStorage } from '../storage/centralStorage.js';
import type { AdminWriteContext } from './adminUsers.js';
import { appendAudit } from './centralAudit.js';
import { readConfig } from './centralConfig.js';
import { insertUserRows, takenAmong } from './userRows.js';

export type CentralImportOutcome =
  | { readonly ok: true; readonly imported: number; readonly withPin: number }
  | { readonly ok: false; readonly problems: readonly RowProblem[]; readonly problemCount: number };

/** Who holds the file's usernames and numbers, asked in batches rather than once per row (a round trip each on PostgreSQL). */
async function existingHolders(db: CentralDb, items: readonly UserCsvItem[]) {
  const usernames: string[] = [];
  const cards: string[] = [];
  for (const item of items) {
    if (item.kind !== 'record') continue;
    usernames.push(item.record.username.trim());
    for (const card of [item.record.primaryCard.trim(), item.record.secondaryCard.trim()]) if (card !== '') cards.push(card);
  }
  const taken = await takenAmong(db, usernames, cards);
  return {
    findByUsername: (username: string) => (taken.usernames.has(username) ? { username } : undefined),
    isCardTaken: (card: string) => taken.cards.has(card),
    findByCard: (card: string) => {
      const username = taken.cards.get(card);
      return username === undefined ? undefined : { username };
    },
  };
}

/**
 * CSV import on the central store: the same file format, row rules and all-or-nothing rule as
 * `badgekiosk users import` (src/userImport). Rows are checked against the file and the
 * database, PINs hashed with the site pepper outside any transaction, then every user is
 * inserted in one write transaction, re-checked there in case another administrator got in first.
 */
export async function importUsersCsv(
  csv: string,
  deps: { readonly storage: CentralStorage; readonly pinHasher: Pick<PinHasher, 'hash'>; readonly hashConcurrency: number },
  write: <T>(fn: (w: AdminWriteContext) => Promise<T>) => Promise<T>,
): Promise<CentralImportOutcome> {
  const db = deps.storage.db;
  const config = await readConfig(db);
  const policy = { minLength: config['pin.min-length'], maxLength: config['pin.max-length'] };
  const items: UserCsvItem[] = [];
  for await (const item of readUserCsv(Readable.from([csv]))) items.push(item);
  const plan = await planImport(items, await existingHolders(db, items), (pin) => {
    const checked = validatePinPolicy(pin, policy);
    return checked.ok ? null : checked.error.message;
  });
  if (plan.problemCount > 0) return { ok: false, problems: plan.problems, problemCount: plan.problemCount };
  const rows = plan.rows;
  const hashes = await hashPinsBounded(rows.map((row) => row.pin), deps.pinHasher, deps.hashConcurrency);
  const withPin = hashes.filter((h) => h !== null).length;
  return write(async (w) => {
    const inserted = await insertNewUsers(w, rows.map((row, i) => ({
      username: row.username, displayName: row.displayName, email: row.email,
      primaryCard: row.primaryCard, secondaryCard: row.secondaryCard, pinHash: hashes[i] ?? null,
    })));
    if (!inserted.ok) {
      const problems = inserted.problems.map((p) => ({ line: rows[p.index]!.line, reason: p.reason }));
      return { ok: false as const, problems, problemCount: problems.length };
    }
    return { ok: true as const, imported: rows.length, withPin };
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
      ...(taken.usernames.has(user.username) ? [`username ${user.username} already exists`] : []),
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
