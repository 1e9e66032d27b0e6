import type { Selectable } from 'kysely';
import type { PinHasher } from '../../core/index.js';
import type { CentralDb, CentralStorage, WriteTx } from '../storage/centralStorage.js';
import { checkAdminPassword, hashAdminPassword } from '../security/adminPasswords.js';
import { appendAudit } from './centralAudit.js';
import type { AdminsTable } from '../storage/centralTables.js';
import { ADMIN_TOKEN_PREFIX, newSecret, sha256Hex } from '../security/secrets.js';

export type AdminRow = Selectable<AdminsTable>;

/** Admin sessions end after this long, whatever happens. */
export const ADMIN_SESSION_TTL_MS = 12 * 3_600_000;

export interface AdminIdentity {
  readonly adminId: string;
  readonly username: string;
  /** How the request proved it: a cookie session needs a CSRF token on writes, a bearer token does not. */
  readonly via: 'session' | 'token';
  readonly csrfToken: string | null;
}

export const ADMIN_USERNAME_PATTERN = /^[A-Za-z0-9._@-]{1,64}$/;

export async function findAdminByUsername(db: CentralDb, username: string): Promise<AdminRow | undefined> {
  return db.selectFrom('admins').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function insertAdmin(tx: WriteTx, admin: { id: string; username: string; passwordHash: string }, now: number): Promise<void> {
  await tx.db.insertInto('admins').values({ id: admin.id, username: admin.username, password_hash: admin.passwordHash, created_at: now, disabled: 0 }).execute();
}

/**
 * After a successful login with an unpeppered hash (stored before issue 11, finding 6): store the
 * peppered one, in the login's transaction, unless the password changed meanwhile.
 */
export async function upgradeAdminHash(tx: WriteTx, admin: Pick<AdminRow, 'id' | 'password_hash'>, pepperedHash: string): Promise<void> {
  await tx.db.updateTable('admins').set({ password_hash: pepperedHash }).where('id', '=', admin.id).where('password_hash', '=', admin.password_hash).execute();
}

export async function createSession(tx: WriteTx, adminId: string, now: number): Promise<{ sessionId: string; csrfToken: string; expiresAt: number }> {
  const sessionId = newSecret();
  const csrfToken = newSecret();
  const expiresAt = now + ADMIN_SESSION_TTL_MS;
  await tx.db.deleteFrom('admin_sessions').where('expires_at', '<=', now).execute();
  await tx.db.insertInto('admin_sessions').values({ id_hash: sha256Hex(sessionId), admin_id: adminId, csrf_token: csrfToken, created_at: now, expires_at: expiresAt }).execute();
  return { sessionId, csrfToken, expiresAt };
}

export async function adminForSession(db: CentralDb, sessionId: string, now: number): Promise<AdminIdentity | undefined> {
  const row = await db
    .selectFrom('admin_sessions')
    .innerJoin('admins', 'admins.id', 'admin_sessions.admin_id')
    .select(['admins.id as adminId', 'admins.username', 'admins.disabled', 'admin_sessions.csrf_token', 'admin_sessions.expires_at'])
    .where('admin_sessions.id_hash', '=', sha256Hex(sessionId))
    .executeTakeFirst();
  if (!row || Number(row.disabled) === 1 || Number(row.expires_at) <= now) return undefined;
  return { adminId: row.adminId, username: row.username, via: 'session', csrfToken: row.csrf_token };
}

export async function deleteSession(db: CentralDb, sessionId: string): Promise<void> {
  await db.deleteFrom('admin_sessions').where('id_hash', '=', sha256Hex(sessionId)).execute();
}

export async function createAdminToken(tx: WriteTx, id: string, adminId: string, name: string, now: number): Promise<string> {
  const token = newSecret(ADMIN_TOKEN_PREFIX);
  await tx.db.insertInto('admin_tokens').values({ id, admin_id: adminId, name, token_hash: sha256Hex(token), created_at: now, last_used_at: null, revoked_at: null }).execute();
  return token;
}

/** Bookkeeping only: last use is written at most once a minute per token. */
const TOKEN_TOUCH_MS = 60_000;

export async function adminForToken(storage: CentralStorage, token: string, now: number): Promise<AdminIdentity | undefined> {
  if (!token.startsWith(ADMIN_TOKEN_PREFIX)) return undefined;
  const row = await storage.db
    .selectFrom('admin_tokens')
    .innerJoin('admins', 'admins.id', 'admin_tokens.admin_id')
    .select(['admin_tokens.id as tokenId', 'admins.id as adminId', 'admins.username', 'admins.disabled', 'admin_tokens.revoked_at', 'admin_tokens.last_used_at'])
    .where('admin_tokens.token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row || Number(row.disabled) === 1 || row.revoked_at !== null) return undefined;
  if (row.last_used_at === null || now - Number(row.last_used_at) >= TOKEN_TOUCH_MS) {
    await storage.write((tx) => tx.db.updateTable('admin_tokens').set({ last_used_at: now }).where('id', '=', row.tokenId).execute());
  }
  return { adminId: row.adminId, username: row.username, via: 'token', csrfToken: null };
}

export async function listAdminTokens(db: CentralDb, adminId: string) {
  const rows = await db.selectFrom('admin_tokens').select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at']).where('admin_id', '=', adminId).orderBy('created_at').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: Number(r.created_at),
    lastUsedAt: r.last_used_at === null ? null : Number(r.last_used_at),
    revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
  }));
}

export async function revokeAdminToken(tx: WriteTx, id: string, adminId: string, now: number): Promise<boolean> {
  const result = await tx.db.updateTable('admin_tokens').set({ revoked_at: now }).where('id', '=', id).where('admin_id', '=', adminId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * `badgekiosk central admin create`: the only way administrators come to exist. There is no setup
 * page, so a fresh central store cannot be claimed by whoever reaches it first over the network.
 */
export async function createAdminAccount(
  storage: CentralStorage,
  input: { readonly username: string; readonly password: string },
  hasher: PinHasher,
  now: number,
  newId: () => string,
): Promise<{ ok: true; adminId: string } | { ok: false; message: string }> {
  if (!ADMIN_USERNAME_PATTERN.test(input.username)) return { ok: false, message: 'The username must be 1 to 64 letters, digits or . _ @ -.' };
  const weak = checkAdminPassword(input.password);
  if (weak) return { ok: false, message: weak };
  const passwordHash = await hashAdminPassword(hasher, input.password);
  return storage.write(async (tx) => {
    if (await findAdminByUsername(tx.db, input.username)) return { ok: false as const, message: `An administrator named ${input.username} already exists.` };
    const adminId = newId();
    await insertAdmin(tx, { id: adminId, username: input.username, passwordHash }, now);
    await appendAudit(tx.db, {
      id: newId(), at: now, kind: 'admin.create', outcome: 'success', userId: null, username: null, kioskId: null,
      actor: input.username, code: null, details: { via: 'cli' },
    });
    return { ok: true as const, adminId };
  });
}
