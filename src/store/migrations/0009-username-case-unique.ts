import { usernameCaseClashMessage } from '../../core/index.js';
import type { Migration } from './migration.js';

/**
 * Usernames unique whatever their case (issue 11, finding 10), as in the central store (m008): a
 * unique index on lower(username). Clashing rows are named and nothing is changed (the step runs
 * in its own transaction). Reads and changes only `users`, so it does not depend on 0008.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'username-case-unique',
  up(db) {
    const clashing = db
      .prepare<[], string>(
        `SELECT username FROM users WHERE lower(username) IN
           (SELECT lower(username) FROM users GROUP BY lower(username) HAVING count(*) > 1)`,
      )
      .pluck()
      .all();
    if (clashing.length > 0) throw new Error(usernameCaseClashMessage(clashing));
    db.exec('CREATE UNIQUE INDEX users_username_lower_unique ON users (lower(username))');
  },
};
