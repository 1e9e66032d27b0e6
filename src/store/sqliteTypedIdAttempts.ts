import type Database from 'better-sqlite3';
import {
  NO_TYPED_ID_ATTEMPTS,
  NO_TYPED_ID_THROTTLE,
  type TypedIdAttemptLog,
  type TypedIdAttempts,
  type TypedIdThrottle,
} from '../core/index.js';
import type { SqliteKeyValue } from './sqliteKeyValue.js';

export const TYPED_ID_THROTTLE_KEY = 'typed-id.throttle';

interface Row {
  failures: number;
  locked_until: number | null;
  last_failure_at: number | null;
  pending: number;
}

/** core's TypedIdAttemptLog on table typed_id_attempts (migration 0008) and kv `typed-id.throttle`. */
export class SqliteTypedIdAttempts implements TypedIdAttemptLog {
  private readonly select;
  private readonly upsert;

  constructor(
    db: Database.Database,
    private readonly kv: SqliteKeyValue,
    private readonly isShared: () => boolean,
  ) {
    this.select = db.prepare<[string], Row>('SELECT failures, locked_until, last_failure_at, pending FROM typed_id_attempts WHERE digest = ?');
    this.upsert = db.prepare(
      `INSERT INTO typed_id_attempts (digest, failures, locked_until, last_failure_at, pending) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (digest) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until,
         last_failure_at = excluded.last_failure_at, pending = excluded.pending`,
    );
  }

  find(digest: string): TypedIdAttempts {
    const row = this.select.get(digest);
    if (!row) return NO_TYPED_ID_ATTEMPTS;
    return { failures: row.failures, lockedUntil: row.locked_until, lastFailureAt: row.last_failure_at, pending: row.pending };
  }

  save(digest: string, state: TypedIdAttempts): void {
    this.upsert.run(digest, state.failures, state.lockedUntil, state.lastFailureAt, state.pending);
  }

  throttle(): TypedIdThrottle {
    const text = this.kv.get(TYPED_ID_THROTTLE_KEY);
    if (text === undefined) return NO_TYPED_ID_THROTTLE;
    try {
      const value = JSON.parse(text) as Partial<TypedIdThrottle>;
      const failures = Number.isSafeInteger(value.failures) && value.failures! >= 0 ? value.failures! : 0;
      return { failures, lastFailureAt: Number.isSafeInteger(value.lastFailureAt) ? value.lastFailureAt! : null };
    } catch {
      // Only this class writes the key; whoever can corrupt it can rewrite the whole database anyway.
      return NO_TYPED_ID_THROTTLE;
    }
  }

  saveThrottle(throttle: TypedIdThrottle): void {
    this.kv.set(TYPED_ID_THROTTLE_KEY, JSON.stringify(throttle));
  }

  shared(): boolean {
    return this.isShared();
  }
}
