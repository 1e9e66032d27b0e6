import type { Migration } from './migration.js';

/**
 * Users, and card_numbers: one row per Card/ID number held by anyone, its primary key making a
 * number unique across the primary and secondary fields of all users. Triggers keep it in step
 * with users, so every writer (CLI, self-service, sync pulls) gets the guarantee from SQLite
 * itself. card_numbers points at users.row_id (the rowid), so a card lookup is two B-tree probes,
 * like a plain index lookup on users.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'users-and-card-numbers',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        row_id          INTEGER PRIMARY KEY,
        id              TEXT    NOT NULL UNIQUE,
        username        TEXT    NOT NULL UNIQUE,
        display_name    TEXT    NOT NULL,
        email           TEXT    NOT NULL,
        primary_card    TEXT,
        secondary_card  TEXT,
        pin_hash        TEXT,
        disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        locked_until    INTEGER,
        version         INTEGER NOT NULL DEFAULT 1,
        updated_at      INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE card_numbers (
        card_number TEXT    PRIMARY KEY,
        user_row    INTEGER NOT NULL,
        field       TEXT    NOT NULL CHECK (field IN ('primary', 'secondary'))
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER users_cards_after_insert AFTER INSERT ON users BEGIN
        INSERT INTO card_numbers (card_number, user_row, field)
          SELECT NEW.primary_card, NEW.row_id, 'primary' WHERE NEW.primary_card IS NOT NULL;
        INSERT INTO card_numbers (card_number, user_row, field)
          SELECT NEW.secondary_card, NEW.row_id, 'secondary' WHERE NEW.secondary_card IS NOT NULL;
      END;

      -- Delete both old numbers first, so swapping primary and secondary in one UPDATE works.
      CREATE TRIGGER users_cards_after_update AFTER UPDATE OF primary_card, secondary_card ON users
      WHEN OLD.primary_card IS NOT NEW.primary_card OR OLD.secondary_card IS NOT NEW.secondary_card
      BEGIN
        DELETE FROM card_numbers WHERE card_number IN (OLD.primary_card, OLD.secondary_card);
        INSERT INTO card_numbers (card_number, user_row, field)
          SELECT NEW.primary_card, NEW.row_id, 'primary' WHERE NEW.primary_card IS NOT NULL;
        INSERT INTO card_numbers (card_number, user_row, field)
          SELECT NEW.secondary_card, NEW.row_id, 'secondary' WHERE NEW.secondary_card IS NOT NULL;
      END;

      CREATE TRIGGER users_cards_after_delete AFTER DELETE ON users BEGIN
        DELETE FROM card_numbers WHERE card_number IN (OLD.primary_card, OLD.secondary_card);
      END;
    `);
  },
};
