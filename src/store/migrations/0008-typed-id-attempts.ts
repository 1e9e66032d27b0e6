import type { Migration } from './migration.js';

/**
 * Typed-ID failures by keyed digest of the typed number (issue 11, finding 5): the count and lock as
 * this kiosk knows them (the central store's, from the change feed, plus this kiosk's own), and how
 * many of this kiosk's failures the central store has not counted yet. Never the number itself.
 * This kiosk's pause between typed-ID tries lives in kv `typed-id.throttle`.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'typed-id-attempts',
  up(db) {
    db.exec(`
      CREATE TABLE typed_id_attempts (
        digest          TEXT    PRIMARY KEY CHECK (length(digest) = 64),
        failures        INTEGER NOT NULL CHECK (failures >= 0),
        locked_until    INTEGER,
        last_failure_at INTEGER,
        pending         INTEGER NOT NULL DEFAULT 0 CHECK (pending >= 0)
      ) STRICT;
    `);
  },
};
