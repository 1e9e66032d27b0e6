import { sql, type Kysely } from 'kysely';
import type { CentralDialect } from './columnTypes.js';

/**
 * A trigram index over username, name and email, so the admin search for any part of them does
 * not read every row (seconds at 1,000,000 users). SQLite: an FTS5 `trigram` table over `users`
 * (external content, kept current by triggers; only these three columns fire them, so the
 * frequent PIN and lockout writes cost nothing). PostgreSQL keeps the plain scan for now: pg_trgm
 * needs CREATE EXTENSION, which a site's database role may not be allowed.
 */
export async function up(db: Kysely<unknown>, dialect: CentralDialect): Promise<void> {
  if (dialect !== 'sqlite') return;
  await sql`create virtual table users_search using fts5(username, display_name, email, content='users', content_rowid='rowid', tokenize='trigram')`.execute(db);
  await sql`insert into users_search(users_search) values('rebuild')`.execute(db);
  await sql`create trigger users_search_insert after insert on users begin
    insert into users_search(rowid, username, display_name, email) values (new.rowid, new.username, new.display_name, new.email);
  end`.execute(db);
  await sql`create trigger users_search_delete after delete on users begin
    insert into users_search(users_search, rowid, username, display_name, email) values ('delete', old.rowid, old.username, old.display_name, old.email);
  end`.execute(db);
  await sql`create trigger users_search_update after update of username, display_name, email on users begin
    insert into users_search(users_search, rowid, username, display_name, email) values ('delete', old.rowid, old.username, old.display_name, old.email);
    insert into users_search(rowid, username, display_name, email) values (new.rowid, new.username, new.display_name, new.email);
  end`.execute(db);
}
