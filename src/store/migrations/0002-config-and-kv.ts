import type { Migration } from './migration.js';

/**
 * config: values set on this kiosk or pulled from the central store, as JSON text (typed by the
 * registry in src/core/config). kv: small named facts of the kiosk itself, such as the sync cursor
 * (`sync.cursor`) and whether the outbox is live (`outbox.live`, set at enrollment).
 */
export const migration0002: Migration = {
  version: 2,
  name: 'config-and-kv',
  up(db) {
    db.exec(`
      CREATE TABLE config (
        name       TEXT    PRIMARY KEY,
        value      TEXT    NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE kv (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
