import type { Migration } from './migration.js';

/** The audit log: who, what, which kiosk, when, outcome. details is JSON of non-secret facts. */
export const migration0004: Migration = {
  version: 4,
  name: 'audit',
  up(db) {
    db.exec(`
      CREATE TABLE audit (
        seq      INTEGER PRIMARY KEY,
        id       TEXT    NOT NULL UNIQUE,
        at       INTEGER NOT NULL,
        kind     TEXT    NOT NULL,
        outcome  TEXT    NOT NULL CHECK (outcome IN ('success', 'failure')),
        user_id  TEXT,
        username TEXT,
        kiosk_id TEXT,
        code     TEXT,
        details  TEXT    NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX audit_by_user ON audit (user_id, seq);
      CREATE INDEX audit_by_username ON audit (username, seq);
    `);
  },
};
