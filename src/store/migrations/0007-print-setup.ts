import type { Migration } from './migration.js';

/**
 * Print release on a standalone kiosk (issue 12): the site's print servers (credentials are not
 * here but in 0600 files under secrets/), this kiosk's release printer, and the expiry sweep's
 * memory of jobs it has cancelled, so a job is never expired (or audited) twice, across restarts.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'print-setup',
  up(db) {
    db.exec(`
      CREATE TABLE print_servers (
        name            TEXT    PRIMARY KEY,
        url             TEXT    NOT NULL,
        follow_me       TEXT    NOT NULL CHECK (json_valid(follow_me) AND json_type(follow_me) = 'array'),
        has_credentials INTEGER NOT NULL CHECK (has_credentials IN (0, 1)),
        created_at      INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE release_printer (
        id     INTEGER PRIMARY KEY CHECK (id = 1),
        server TEXT    NOT NULL REFERENCES print_servers (name),
        queue  TEXT    NOT NULL
      ) STRICT;
      CREATE TABLE print_expired (
        server     TEXT    NOT NULL,
        job_id     INTEGER NOT NULL,
        expired_at INTEGER NOT NULL,
        PRIMARY KEY (server, job_id)
      ) STRICT;
    `);
  },
};
