import type { Selectable } from 'kysely';
import type { CentralDb, WriteTx } from '../storage/centralStorage.js';
import type { KiosksTable } from '../storage/centralTables.js';
import { KIOSK_TOKEN_PREFIX, newEnrollmentCode, newSecret, normalizeEnrollmentCode, sha256Hex } from '../security/secrets.js';

export type KioskRow = Selectable<KiosksTable>;

/** An enrollment code is good for one use within this time. */
export const ENROLLMENT_CODE_TTL_MS = 24 * 3_600_000;
/** A kiosk heard from within this time counts as online (it refreshes while its live channel is open). */
export const ONLINE_WINDOW_MS = 90_000;

export interface KioskSummary {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
  readonly state: 'awaiting-enrollment' | 'enrollment-expired' | 'enrolled' | 'revoked';
  readonly enrolledAt: number | null;
  readonly revokedAt: number | null;
  readonly lastSeenAt: number | null;
  readonly version: string | null;
  readonly online: boolean;
  /** Change-feed sequences the kiosk is behind the site's latest, as of its last pull; null before its first. */
  readonly syncLag: number | null;
}

export function summarizeKiosk(row: KioskRow, now: number, latestSeq: number): KioskSummary {
  const revokedAt = row.revoked_at === null ? null : Number(row.revoked_at);
  const enrolledAt = row.enrolled_at === null ? null : Number(row.enrolled_at);
  const lastSeenAt = row.last_seen_at === null ? null : Number(row.last_seen_at);
  const state = revokedAt !== null
    ? 'revoked'
    : enrolledAt !== null
      ? 'enrolled'
      : Number(row.enrollment_expires_at ?? 0) > now
        ? 'awaiting-enrollment'
        : 'enrollment-expired';
  return {
    id: row.id,
    name: row.name,
    createdAt: Number(row.created_at),
    state,
    enrolledAt,
    revokedAt,
    lastSeenAt,
    version: row.version,
    online: state === 'enrolled' && lastSeenAt !== null && now - lastSeenAt < ONLINE_WINDOW_MS,
    syncLag: state !== 'enrolled' || row.pulled_seq === null ? null : Math.max(0, latestSeq - Number(row.pulled_seq)),
  };
}

export async function createKiosk(tx: WriteTx, id: string, name: string, now: number): Promise<{ kiosk: KioskRow; code: string }> {
  const code = newEnrollmentCode();
  const kiosk: KioskRow = {
    id,
    name,
    created_at: now,
    enrollment_code_hash: sha256Hex(normalizeEnrollmentCode(code)),
    enrollment_expires_at: now + ENROLLMENT_CODE_TTL_MS,
    token_hash: null,
    enrolled_at: null,
    revoked_at: null,
    last_seen_at: null,
    version: null,
    pulled_seq: null,
  };
  await tx.db.insertInto('kiosks').values(kiosk).execute();
  return { kiosk, code };
}

/**
 * Exchanges a one-time code for the kiosk's long-lived token. The code is spent whatever happens
 * next, and only the token's hash is kept. Unknown, used and expired codes get the same answer.
 */
export async function redeemEnrollmentCode(
  tx: WriteTx,
  code: string,
  version: string | null,
  now: number,
): Promise<{ kiosk: KioskRow; token: string } | null> {
  const hash = sha256Hex(normalizeEnrollmentCode(code));
  const row = await tx.db.selectFrom('kiosks').selectAll().where('enrollment_code_hash', '=', hash).executeTakeFirst();
  if (!row || row.revoked_at !== null || Number(row.enrollment_expires_at ?? 0) <= now) return null;
  const token = newSecret(KIOSK_TOKEN_PREFIX);
  const values = {
    enrollment_code_hash: null,
    enrollment_expires_at: null,
    token_hash: sha256Hex(token),
    enrolled_at: now,
    last_seen_at: now,
    version,
  };
  await tx.db.updateTable('kiosks').set(values).where('id', '=', row.id).execute();
  return { kiosk: { ...row, ...values }, token };
}

/** The enrolled, unrevoked kiosk holding this token, if any. */
export async function kioskForToken(db: CentralDb, token: string): Promise<KioskRow | undefined> {
  if (!token.startsWith(KIOSK_TOKEN_PREFIX)) return undefined;
  return kioskForTokenHash(db, sha256Hex(token));
}

export async function kioskForTokenHash(db: CentralDb, tokenHash: string): Promise<KioskRow | undefined> {
  const row = await db.selectFrom('kiosks').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  return row && row.revoked_at === null ? row : undefined;
}

export async function revokeKiosk(tx: WriteTx, id: string, now: number): Promise<KioskRow | undefined> {
  const row = await tx.db.selectFrom('kiosks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  if (row.revoked_at !== null) return row;
  const values = { revoked_at: now, token_hash: null, enrollment_code_hash: null, enrollment_expires_at: null };
  await tx.db.updateTable('kiosks').set(values).where('id', '=', id).execute();
  tx.kioskRevoked(id);
  return { ...row, ...values };
}

export async function listKiosks(db: CentralDb): Promise<KioskRow[]> {
  return db.selectFrom('kiosks').selectAll().orderBy('created_at').orderBy('id').execute();
}

/** Not a write transaction: last-seen is bookkeeping, not a change kiosks replicate. */
export async function touchKiosk(db: CentralDb, id: string, now: number, version: string | null, pulledSeq: number | null = null): Promise<void> {
  const values = {
    last_seen_at: now,
    ...(version === null ? {} : { version }),
    ...(pulledSeq === null ? {} : { pulled_seq: pulledSeq }),
  };
  await db.updateTable('kiosks').set(values).where('id', '=', id).execute();
}
