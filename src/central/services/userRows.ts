import { sql, type Selectable } from 'kysely';
import { fail, ok, usernameExists, usernameKey, type CardField, type DomainError, type NewUser, type Result, type User } from '../../core/index.js';
import type { UsersTable } from '../storage/centralTables.js';
import type { CentralDb, WriteTx } from '../storage/centralStorage.js';
import { preparedQuery } from '../storage/preparedQuery.js';
import { visibleUser } from './visibleUsers.js';

export type UserRow = Selectable<UsersTable>;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    primaryCard: row.primary_card,
    secondaryCard: row.secondary_card,
    pinHash: row.pin_hash,
    disabled: Number(row.disabled) === 1,
    failedAttempts: Number(row.failed_attempts),
    lockedUntil: row.locked_until === null ? null : Number(row.locked_until),
    version: Number(row.version),
    updatedAt: Number(row.updated_at),
  };
}

export async function findUserRow(db: CentralDb, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).where(visibleUser()).executeTakeFirst();
}

/** Whatever the case: usernames are unique by lower(username) (m008). */
export async function findUserRowByUsername(db: CentralDb, username: string): Promise<UserRow | undefined> {
  return (await usersByUsername(db, username))[0];
}

// Every sign-in by username runs this, twice (before the directory is asked, and in the write).
const usersByUsername = preparedQuery((db: CentralDb, username: string) =>
  db.selectFrom('users').selectAll().where(sql<string>`lower(username)`, '=', sql<string>`lower(${username})`).where(visibleUser()),
);

/**
 * Who holds this username, whatever its case, counting rows of an import still publishing: they
 * hold their usernames until published or swept (the unique index would refuse a second anyway).
 */
export async function usernameHolder(db: CentralDb, username: string): Promise<Pick<UserRow, 'id' | 'username'> | undefined> {
  return db.selectFrom('users').select(['id', 'username']).where(sql<string>`lower(username)`, '=', sql<string>`lower(${username})`).executeTakeFirst();
}

/** The usernames (by usernameKey) that imports still publishing hold: no users yet, but taken. */
export async function usernamesHeldByImports(db: CentralDb): Promise<Set<string>> {
  const pending = db.selectFrom('user_imports').select('id').where('state', '=', 'pending');
  const rows = await db.selectFrom('users').select('username').where('import_id', 'in', pending).execute();
  return new Set(rows.map((row) => usernameKey(row.username)));
}

export async function isCardTaken(db: CentralDb, cardNumber: string, exceptUser?: { id: string; field: CardField }): Promise<boolean> {
  const row = await db.selectFrom('card_numbers').select(['user_id', 'field']).where('number', '=', cardNumber).executeTakeFirst();
  if (!row) return false;
  return !(exceptUser && row.user_id === exceptUser.id && row.field === exceptUser.field);
}

export type UserChanges = Partial<Omit<UserRow, 'id' | 'version' | 'created_at' | 'updated_at' | 'seq' | 'primary_card' | 'secondary_card'>>;

/**
 * Every change to a user goes through here: version and change-feed sequence move together, so
 * kiosks receive the row again. Card numbers change only through setCardNumber.
 */
export async function updateUserRow(tx: WriteTx, before: UserRow, changes: UserChanges, now: number): Promise<UserRow> {
  const seq = await tx.nextSeq();
  const values = { ...changes, version: Number(before.version) + 1, updated_at: now, seq };
  await tx.db.updateTable('users').set(values).where('id', '=', before.id).execute();
  return { ...before, ...values };
}

/**
 * Sets or clears one Card/ID number field. Uniqueness across both fields of all users holds by
 * construction: card_numbers has the number as its primary key, and writes are serialized.
 */
export async function setCardNumber(
  tx: WriteTx,
  before: UserRow,
  field: CardField,
  cardNumber: string | null,
  now: number,
): Promise<Result<UserRow, DomainError>> {
  if (cardNumber !== null && (await isCardTaken(tx.db, cardNumber, { id: before.id, field }))) {
    return fail('card-in-use', 'This Card/ID number is already in use.', { field });
  }
  await tx.db.deleteFrom('card_numbers').where('user_id', '=', before.id).where('field', '=', field).execute();
  if (cardNumber !== null) await tx.db.insertInto('card_numbers').values({ number: cardNumber, user_id: before.id, field }).execute();
  const column = field === 'primary' ? 'primary_card' : 'secondary_card';
  const seq = await tx.nextSeq();
  const values = { [column]: cardNumber, version: Number(before.version) + 1, updated_at: now, seq };
  await tx.db.updateTable('users').set(values).where('id', '=', before.id).execute();
  return ok({ ...before, ...values });
}

/** A user to insert: the core's NewUser with the id already chosen. */
export type NewUserRow = NewUser & { readonly id: string };

/**
 * Where inserted rows of a chunked import go (migration 9): marked with the import and their place
 * in the file, and with sequence 0 until the import is published and settled (pendingImport.ts).
 */
export interface PendingPlacement {
  readonly importId: string;
  readonly firstPosition: number;
}

/** Caller checked usernames and card numbers; the constraints stay the last guard. */
export async function insertUserRows(tx: WriteTx, users: readonly NewUserRow[], now: number, pending?: PendingPlacement): Promise<UserRow[]> {
  if (users.length === 0) return [];
  const first = pending ? 0 : await tx.reserveSeqs(users.length);
  const rows: UserRow[] = users.map((user, i) => ({
    id: user.id,
    username: user.username,
    display_name: user.displayName,
    email: user.email,
    primary_card: user.primaryCard,
    secondary_card: user.secondaryCard,
    pin_hash: user.pinHash,
    pin_set_at: user.pinHash === null ? null : now,
    disabled: 0,
    failed_attempts: 0,
    locked_until: null,
    version: 1,
    created_at: now,
    updated_at: now,
    seq: pending ? 0 : first + i,
    import_id: pending?.importId ?? null,
    import_position: pending ? pending.firstPosition + i : null,
  }));
  const cards = users.flatMap((user) => [
    ...(user.primaryCard !== null ? [{ number: user.primaryCard, user_id: user.id, field: 'primary' as const }] : []),
    ...(user.secondaryCard !== null ? [{ number: user.secondaryCard, user_id: user.id, field: 'secondary' as const }] : []),
  ]);
  // Multi-row inserts, few enough parameters per statement for both backends.
  for (let i = 0; i < rows.length; i += 500) await tx.db.insertInto('users').values(rows.slice(i, i + 500)).execute();
  for (let i = 0; i < cards.length; i += 1000) await tx.db.insertInto('card_numbers').values(cards.slice(i, i + 1000)).execute();
  return rows;
}

export async function insertUserRow(tx: WriteTx, user: NewUserRow, now: number): Promise<UserRow> {
  return (await insertUserRows(tx, [user], now))[0]!;
}

/**
 * Which of these usernames and Card/ID numbers are already taken (one query per thousand):
 * usernames by usernameKey to the holder's own spelling, numbers to their holder.
 */
export async function takenAmong(db: CentralDb, usernames: readonly string[], cardNumbers: readonly string[]): Promise<{ usernames: Map<string, string>; cards: Map<string, string> }> {
  const taken = { usernames: new Map<string, string>(), cards: new Map<string, string>() };
  for (let i = 0; i < usernames.length; i += 1000) {
    const keys = usernames.slice(i, i + 1000).map(usernameKey);
    const rows = await db.selectFrom('users').select('username').where(sql<string>`lower(username)`, 'in', keys).execute();
    for (const row of rows) taken.usernames.set(usernameKey(row.username), row.username);
  }
  for (let i = 0; i < cardNumbers.length; i += 1000) {
    const rows = await db
      .selectFrom('card_numbers')
      .innerJoin('users', 'users.id', 'card_numbers.user_id')
      .select(['card_numbers.number', 'users.username'])
      .where('card_numbers.number', 'in', cardNumbers.slice(i, i + 1000))
      .execute();
    for (const row of rows) taken.cards.set(row.number, row.username);
  }
  return taken;
}

/** Why each of these new users cannot be inserted (usernames or numbers someone holds), by index into `users`. */
export async function takenReasons(db: CentralDb, users: readonly Pick<NewUser, 'username' | 'primaryCard' | 'secondaryCard'>[]): Promise<{ index: number; reason: string }[]> {
  const cards = users.flatMap((user) => [user.primaryCard, user.secondaryCard].filter((c): c is string => c !== null));
  const taken = await takenAmong(db, users.map((user) => user.username), cards);
  const problems: { index: number; reason: string }[] = [];
  for (const [index, user] of users.entries()) {
    const reasons = [
      ...(taken.usernames.has(usernameKey(user.username)) ? [usernameExists(user.username, taken.usernames.get(usernameKey(user.username))!)] : []),
      ...([['primary', user.primaryCard], ['secondary', user.secondaryCard]] as const).flatMap(([label, card]) =>
        card !== null && taken.cards.has(card) ? [`the ${label} Card/ID number is already held by user ${taken.cards.get(card)}`] : []),
    ];
    if (reasons.length > 0) problems.push({ index, reason: reasons.join('; ') });
  }
  return problems;
}

/** The tombstone tells kiosks to drop the user; its card numbers are free again at once. */
export async function deleteUserRow(tx: WriteTx, id: string, now: number): Promise<void> {
  await tx.db.deleteFrom('card_numbers').where('user_id', '=', id).execute();
  await tx.db.deleteFrom('users').where('id', '=', id).execute();
  const seq = await tx.nextSeq();
  await tx.db
    .insertInto('user_tombstones')
    .values({ id, deleted_at: now, seq })
    .onConflict((oc) => oc.column('id').doUpdateSet({ deleted_at: now, seq }))
    .execute();
}
