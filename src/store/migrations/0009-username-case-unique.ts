import { usernameCaseClashMessage } from '../../core/index.js';
import type { Migration } from './migration.js';

const CLASHING = 'SELECT lower(username) FROM users GROUP BY lower(username) HAVING count(*) > 1';

/**
 * Usernames unique whatever their case (issue 11, finding 10), as in the central store (m008): a
 * unique index on lower(username). A standalone kiosk is the authority for its users, so clashing
 * rows are named and nothing is changed (the step runs in its own transaction). An enrolled kiosk's
 * copy is not: its operator renames the pair in the central store, which this kiosk could never
 * pull if it refused to start, so the rows are parked as `~id` (as the replica parks a stale
 * holder) and the whole feed is pulled again, bringing them back under their central names.
 * Reads and changes only `users` and `kv`, so it does not depend on 0008.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'username-case-unique',
  up(db) {
    const clashing = db.prepare<[], string>(`SELECT username FROM users WHERE lower(username) IN (${CLASHING})`).pluck().all();
    if (clashing.length > 0) {
      const enrolled = db.prepare("SELECT 1 FROM kv WHERE key IN ('sync.cursor', 'outbox.live')").get() !== undefined;
      if (!enrolled) throw new Error(usernameCaseClashMessage(clashing));
      db.exec(`UPDATE users SET username = '~' || id WHERE lower(username) IN (${CLASHING})`);
      db.exec("INSERT INTO kv (key, value) VALUES ('sync.cursor', '0') ON CONFLICT (key) DO UPDATE SET value = '0'");
    }
    db.exec('CREATE UNIQUE INDEX users_username_lower_unique ON users (lower(username))');
  },
};
