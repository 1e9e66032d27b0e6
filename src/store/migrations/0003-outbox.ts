import type { Migration } from './migration.js';

/**
 * Commands for the central store (DESIGN §5), written in the same transaction as the local change.
 * The idempotency key is unique so a retried enqueue cannot duplicate a command; seq keeps push order.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        seq             INTEGER PRIMARY KEY AUTOINCREMENT,
        idempotency_key TEXT    NOT NULL UNIQUE,
        type            TEXT    NOT NULL,
        body            TEXT    NOT NULL,
        created_at      INTEGER NOT NULL,
        attempts        INTEGER NOT NULL DEFAULT 0,
        last_error      TEXT,
        delivered_at    INTEGER
      ) STRICT;
      CREATE INDEX outbox_pending ON outbox (seq) WHERE delivered_at IS NULL;
    `);
  },
};
