import type { Migration } from './migration.js';

/** Card/ID number changes, counted per user since the start of the site day for the daily limit. */
export const migration0005: Migration = {
  version: 5,
  name: 'card-changes',
  up(db) {
    db.exec(`
      CREATE TABLE card_changes (
        seq     INTEGER PRIMARY KEY,
        user_id TEXT    NOT NULL,
        field   TEXT    NOT NULL CHECK (field IN ('primary', 'secondary')),
        kind    TEXT    NOT NULL CHECK (kind IN ('generated', 'manual')),
        at      INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX card_changes_by_user_time ON card_changes (user_id, at);
    `);
  },
};
