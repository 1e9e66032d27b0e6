import { sql } from 'kysely';
import { fail, ok, toPublicUser, type CardField, type DomainError, type NewUser, type PublicUser, type RandomSource, type Result } from '../../core/index.js';
import type { CentralDb, WriteTx } from '../storage/centralStorage.js';
import type { CentralDialect } from '../storage/migrations/columnTypes.js';
import { appendAudit, type CentralAuditKind } from './centralAudit.js';
import { visibleUser } from './visibleUsers.js';
import {
  deleteUserRow,
  findUserRow,
  insertUserRow,
  isCardTaken,
  setCardNumber,
  toUser,
  updateUserRow,
  usernameHolder,
  type UserChanges,
  type UserRow,
} from './userRows.js';

/** A user as administrators see it: everything but the PIN hash. */
export type AdminUserView = PublicUser & {
  readonly failedAttempts: number;
  readonly version: number;
  readonly createdAt: number;
  readonly updatedAt: number;
};

export function adminView(row: UserRow): AdminUserView {
  const user = toUser(row);
  return { ...toPublicUser(user), failedAttempts: user.failedAttempts, version: user.version, createdAt: Number(row.created_at), updatedAt: user.updatedAt };
}

export interface UserSearch {
  readonly search?: string;
  readonly disabled?: boolean;
  readonly limit: number;
  readonly offset: number;
}

/** The trigram indexes (central migration 3) know three characters and more; shorter searches scan. */
const MIN_INDEXED_SEARCH = 3;

function likePattern(search: string): string {
  return `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Matches part of the username, name or email (any case), or a whole Card/ID number. */
export async function searchUsers(db: CentralDb, query: UserSearch, dialect: CentralDialect): Promise<{ users: AdminUserView[]; total: number }> {
  let q = db.selectFrom('users').where(visibleUser());
  const trimmed = query.search?.trim() ?? '';
  if (dialect === 'sqlite' && trimmed.length >= MIN_INDEXED_SEARCH) {
    // An FTS5 phrase of the whole text: a substring match on the trigram index, any case.
    const phrase = `"${trimmed.replace(/"/g, '""')}"`;
    q = q.where(sql<boolean>`(users.rowid in (select rowid from users_search where users_search match ${phrase}) or users.id in (select user_id from card_numbers where number = ${trimmed}))`);
  } else if (dialect === 'postgres' && trimmed.length >= MIN_INDEXED_SEARCH) {
    // One arm per trigram index (migration 3) and the card lookup, so each is an index scan; an OR
    // across columns of which one has no index would read the whole table instead.
    const pattern = likePattern(query.search!);
    q = q.where('users.id', 'in', (eb) =>
      eb.selectFrom('users as u').select('u.id').where(sql`lower(u.username)`, 'like', sql`${pattern} escape '\\'`)
        .union(eb.selectFrom('users as u').select('u.id').where(sql`lower(u.display_name)`, 'like', sql`${pattern} escape '\\'`))
        .union(eb.selectFrom('users as u').select('u.id').where(sql`lower(u.email)`, 'like', sql`${pattern} escape '\\'`))
        .union(eb.selectFrom('card_numbers').select('card_numbers.user_id as id').where('card_numbers.number', '=', trimmed)),
    );
  } else if (query.search) {
    const pattern = likePattern(query.search);
    const exact = query.search.trim();
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(username)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(display_name)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(email)`, 'like', sql`${pattern} escape '\\'`),
        eb('primary_card', '=', exact),
        eb('secondary_card', '=', exact),
      ]),
    );
  }
  if (query.disabled !== undefined) q = q.where('disabled', '=', query.disabled ? 1 : 0);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('username').limit(query.limit).offset(query.offset).execute(),
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
  ]);
  return { users: rows.map(adminView), total: Number(count?.n ?? 0) };
}

export interface AdminActor {
  readonly username: string;
}

export interface AdminWriteContext {
  readonly tx: WriteTx;
  readonly actor: AdminActor;
  readonly now: number;
  readonly random: RandomSource;
}

async function audit(ctx: AdminWriteContext, kind: CentralAuditKind, user: UserRow, details: Record<string, string | number | boolean> = {}): Promise<void> {
  await appendAudit(ctx.tx.db, {
    id: ctx.random.uuid(), at: ctx.now, kind, outcome: 'success', userId: user.id, username: user.username,
    kioskId: null, actor: ctx.actor.username, code: null, details,
  });
}

/** Already hashed: argon2 runs before the transaction opens. */
export type NewUserInput = Omit<NewUser, 'id'>;

function usernameTaken(wanted: string, holder: string): Result<never, DomainError> {
  const how = holder === wanted ? '' : ` by ${holder} (usernames ignore case)`;
  return fail('conflict', `The username ${wanted} is already taken${how}.`, { field: 'username' });
}

/** Username and card numbers checked against the store; both cards must also differ from each other. */
export async function checkNewUser(db: CentralDb, user: NewUserInput): Promise<Result<void, DomainError>> {
  const holder = await usernameHolder(db, user.username);
  if (holder) return usernameTaken(user.username, holder.username);
  if (user.primaryCard !== null && user.primaryCard === user.secondaryCard) {
    return fail('card-in-use', 'The primary and secondary Card/ID numbers must differ.');
  }
  for (const [field, number] of [['primary', user.primaryCard], ['secondary', user.secondaryCard]] as const) {
    if (number !== null && (await isCardTaken(db, number))) return fail('card-in-use', `The ${field} Card/ID number ${number} is already in use.`, { field });
  }
  return ok(undefined);
}

export async function createUser(ctx: AdminWriteContext, input: NewUserInput, auditKind: CentralAuditKind = 'user.add'): Promise<Result<AdminUserView, DomainError>> {
  const checked = await checkNewUser(ctx.tx.db, input);
  if (!checked.ok) return checked;
  const row = await insertUserRow(ctx.tx, { id: ctx.random.uuid(), ...input }, ctx.now);
  await audit(ctx, auditKind, row, { hasPin: input.pinHash !== null });
  return ok(adminView(row));
}

export interface UserPatch {
  readonly username?: string;
  readonly displayName?: string;
  readonly email?: string;
  readonly disabled?: boolean;
}

export async function updateUser(ctx: AdminWriteContext, id: string, patch: UserPatch): Promise<Result<AdminUserView, DomainError>> {
  const row = await findUserRow(ctx.tx.db, id);
  if (!row) return fail('not-found', 'No such user.');
  const holder = patch.username === undefined ? undefined : await usernameHolder(ctx.tx.db, patch.username);
  // A user may change the case of their own name.
  if (holder && holder.id !== row.id) return usernameTaken(patch.username!, holder.username);
  const changes: UserChanges = {};
  if (patch.username !== undefined) changes.username = patch.username;
  if (patch.displayName !== undefined) changes.display_name = patch.displayName;
  if (patch.email !== undefined) changes.email = patch.email;
  if (patch.disabled !== undefined) changes.disabled = patch.disabled ? 1 : 0;
  if (Object.keys(changes).length === 0) return ok(adminView(row));
  const saved = await updateUserRow(ctx.tx, row, changes, ctx.now);
  await audit(ctx, 'user.update', saved, { fields: Object.keys(patch).join(',') });
  return ok(adminView(saved));
}

export async function deleteUser(ctx: AdminWriteContext, id: string): Promise<Result<void, DomainError>> {
  const row = await findUserRow(ctx.tx.db, id);
  if (!row) return fail('not-found', 'No such user.');
  await deleteUserRow(ctx.tx, id, ctx.now);
  await audit(ctx, 'user.delete', row);
  return ok(undefined);
}

/** Sets (a string) or clears (null) either field; a field left undefined stays as it is. */
export async function setUserCards(
  ctx: AdminWriteContext,
  id: string,
  cards: { readonly primary?: string | null; readonly secondary?: string | null },
): Promise<Result<AdminUserView, DomainError>> {
  let row = await findUserRow(ctx.tx.db, id);
  if (!row) return fail('not-found', 'No such user.');
  if (cards.primary && cards.primary === cards.secondary) return fail('card-in-use', 'The primary and secondary Card/ID numbers must differ.');
  // Clear first, so swapping primary and secondary of one user works.
  for (const field of ['primary', 'secondary'] as const) {
    if (cards[field] === undefined) continue;
    const cleared = await setCardNumber(ctx.tx, row, field, null, ctx.now);
    if (!cleared.ok) return cleared;
    row = cleared.value;
  }
  for (const field of ['primary', 'secondary'] as const satisfies readonly CardField[]) {
    const number = cards[field];
    if (number === undefined || number === null) continue;
    const saved = await setCardNumber(ctx.tx, row, field, number, ctx.now);
    if (!saved.ok) return saved;
    row = saved.value;
  }
  await audit(ctx, 'card.set', row, { fields: Object.keys(cards).join(','), source: 'admin' });
  return ok(adminView(row));
}

/** The user sets a new PIN at the next login (after a card swipe, DESIGN §3). */
export async function resetPin(ctx: AdminWriteContext, id: string): Promise<Result<AdminUserView, DomainError>> {
  const row = await findUserRow(ctx.tx.db, id);
  if (!row) return fail('not-found', 'No such user.');
  const saved = await updateUserRow(ctx.tx, row, { pin_hash: null, pin_set_at: ctx.now, failed_attempts: 0, locked_until: null }, ctx.now);
  await audit(ctx, 'pin.reset', saved);
  return ok(adminView(saved));
}

export async function unlockUser(ctx: AdminWriteContext, id: string): Promise<Result<AdminUserView, DomainError>> {
  const row = await findUserRow(ctx.tx.db, id);
  if (!row) return fail('not-found', 'No such user.');
  const saved = await updateUserRow(ctx.tx, row, { failed_attempts: 0, locked_until: null }, ctx.now);
  await audit(ctx, 'user.unlocked', saved);
  return ok(adminView(saved));
}
