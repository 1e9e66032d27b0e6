import type { CentralDb, WriteTx } from '../storage/centralStorage.js';
import { newSecret, sha256Hex } from '../security/secrets.js';
import { preparedQuery } from '../storage/preparedQuery.js';

export type UserWebVia = 'directory' | 'card';

export interface UserWebIdentity {
  readonly userId: string;
  readonly via: UserWebVia;
  readonly csrfToken: string;
}

/** last_seen_at is written at most this often per session: the idle timeout needs minutes, not a write per request. */
const TOUCH_INTERVAL_MS = 30_000;

/**
 * Sessions idle past their timeout are refused at lookup whatever happens here; deleting them is
 * housekeeping, done by a sign-in at most this often (per process) rather than by every sign-in.
 */
const PURGE_INTERVAL_MS = 60_000;
let purgedAt = -Infinity;

export async function createUserWebSession(tx: WriteTx, userId: string, via: UserWebVia, now: number, idleMs: number): Promise<{ sessionId: string; csrfToken: string }> {
  const sessionId = newSecret();
  const csrfToken = newSecret();
  if (Math.abs(now - purgedAt) >= PURGE_INTERVAL_MS) {
    await tx.db.deleteFrom('user_web_sessions').where('last_seen_at', '<=', now - idleMs).execute();
    purgedAt = now;
  }
  await insertSession(tx.db, sha256Hex(sessionId), userId, csrfToken, via, now);
  return { sessionId, csrfToken };
}

const insertSession = preparedQuery((db: CentralDb, idHash: string, userId: string, csrfToken: string, via: UserWebVia, now: number) =>
  db.insertInto('user_web_sessions').values({ id_hash: idHash, user_id: userId, csrf_token: csrfToken, via, created_at: now, last_seen_at: now }),
);

// Every request of a signed-in user looks its session up.
const sessionByIdHash = preparedQuery((db: CentralDb, idHash: string) => db.selectFrom('user_web_sessions').selectAll().where('id_hash', '=', idHash));

/** The session's user, or undefined when unknown or idle longer than idleMs (then it is gone). */
export async function userWebSession(db: CentralDb, sessionId: string, now: number, idleMs: number): Promise<UserWebIdentity | undefined> {
  const idHash = sha256Hex(sessionId);
  const [row] = await sessionByIdHash(db, idHash);
  if (!row) return undefined;
  if (Number(row.last_seen_at) <= now - idleMs) {
    await db.deleteFrom('user_web_sessions').where('id_hash', '=', idHash).execute();
    return undefined;
  }
  if (now - Number(row.last_seen_at) >= TOUCH_INTERVAL_MS) {
    await db.updateTable('user_web_sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
  }
  return { userId: row.user_id, via: row.via, csrfToken: row.csrf_token };
}

export async function deleteUserWebSession(db: CentralDb, sessionId: string): Promise<void> {
  await db.deleteFrom('user_web_sessions').where('id_hash', '=', sha256Hex(sessionId)).execute();
}
