import { sql, type Kysely } from 'kysely';
import { usernameCaseClashMessage } from '../../../core/index.js';
import type { CentralDialect } from './columnTypes.js';

/**
 * Usernames unique whatever their case (issue 11, finding 10): a unique index on lower(username),
 * replacing m001's plain one. Rows that already clash are not renamed behind anyone's back: the
 * migration refuses, names them, and (running in the migrator's transaction) changes nothing.
 * Stands alone: it reads and changes only `users`, whatever other migrations did before it.
 */
export async function up(db: Kysely<unknown>, _dialect: CentralDialect): Promise<void> {
  const clashing = await sql<{ username: string }>`select username from users where lower(username) in
    (select lower(username) from users group by lower(username) having count(*) > 1)`.execute(db);
  if (clashing.rows.length > 0) throw new Error(usernameCaseClashMessage(clashing.rows.map((r) => r.username)));
  await sql`drop index if exists users_username_lower`.execute(db);
  await sql`create unique index users_username_lower_unique on users (lower(username))`.execute(db);
}
