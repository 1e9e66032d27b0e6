import type { Migration } from './migration.js';

/**
 * This kiosk's reader profile (technician mode, `badgekiosk readers profile import`): one row, the
 * profile as JSON (src/contract/readerProfile.ts), when it was saved and by whom.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'reader-profile',
  up(db) {
    db.exec(`
      CREATE TABLE reader_profile (
        id       INTEGER PRIMARY KEY CHECK (id = 1),
        body     TEXT    NOT NULL CHECK (json_valid(body)),
        saved_at INTEGER NOT NULL,
        saved_by TEXT    NOT NULL
      ) STRICT;
    `);
  },
};
