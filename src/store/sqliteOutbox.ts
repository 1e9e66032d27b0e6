import type Database from 'better-sqlite3';
import type { Outbox, OutboxCommand } from '../core/index.js';
import type { SqliteKeyValue } from './sqliteKeyValue.js';

/** kv key that turns the outbox on; set when the kiosk enrolls with a central store. */
export const OUTBOX_LIVE_KEY = 'outbox.live';

export interface PendingCommand {
  readonly seq: number;
  readonly idempotencyKey: string;
  readonly command: OutboxCommand;
  readonly attempts: number;
}

/**
 * The outbox of DESIGN §5. A standalone kiosk (never enrolled) is its own authority and has nobody
 * to push to, so enqueue records nothing until `outbox.live` is set: PIN hashes do not pile up in a
 * table no one drains. Duplicate idempotency keys are ignored, so a retried enqueue is harmless.
 */
export class SqliteOutbox implements Outbox {
  private readonly insert;
  private readonly pendingRows;
  private readonly delivered;
  private readonly failed;

  constructor(
    db: Database.Database,
    private readonly kv: SqliteKeyValue,
    private readonly clock: { now(): number },
  ) {
    this.insert = db.prepare(
      'INSERT INTO outbox (idempotency_key, type, body, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING',
    );
    this.pendingRows = db.prepare<[number], { seq: number; idempotency_key: string; body: string; attempts: number }>(
      'SELECT seq, idempotency_key, body, attempts FROM outbox WHERE delivered_at IS NULL ORDER BY seq LIMIT ?',
    );
    // Once the central store has a PIN hash, this kiosk's copy of it in the outbox is only a liability
    // (issue 11, finding 9): the body keeps the user and time, the hash goes.
    this.delivered = db.prepare(
      `UPDATE outbox SET delivered_at = ?, body = CASE WHEN type = 'pin-changed' THEN json_remove(body, '$.pinHash') ELSE body END
       WHERE idempotency_key = ?`,
    );
    // Rows delivered by a badgekiosk that still kept the hash.
    db.prepare(
      `UPDATE outbox SET body = json_remove(body, '$.pinHash')
       WHERE type = 'pin-changed' AND delivered_at IS NOT NULL AND json_extract(body, '$.pinHash') IS NOT NULL`,
    ).run();
    this.failed = db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE idempotency_key = ?');
  }

  isLive(): boolean {
    return this.kv.get(OUTBOX_LIVE_KEY) === 'true';
  }

  setLive(live: boolean): void {
    this.kv.set(OUTBOX_LIVE_KEY, live ? 'true' : 'false');
  }

  enqueue(idempotencyKey: string, command: OutboxCommand): void {
    if (!this.isLive()) return;
    this.insert.run(idempotencyKey, command.type, JSON.stringify(command), this.clock.now());
  }

  /** Oldest first, for the sync engine to push. */
  pending(limit = 100): readonly PendingCommand[] {
    return this.pendingRows.all(limit).map((row) => ({
      seq: row.seq,
      idempotencyKey: row.idempotency_key,
      command: JSON.parse(row.body) as OutboxCommand,
      attempts: row.attempts,
    }));
  }

  markDelivered(idempotencyKey: string): void {
    this.delivered.run(this.clock.now(), idempotencyKey);
  }

  /** reason is the central store's or the network's answer; it never holds the command body. */
  markFailed(idempotencyKey: string, reason: string): void {
    this.failed.run(reason, idempotencyKey);
  }
}
