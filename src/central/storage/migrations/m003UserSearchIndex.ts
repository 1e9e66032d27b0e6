import { sql, type Kysely } from 'kysely';
import type { CentralDialect } from './columnTypes.js';

/**
 * A trigram index over username, name and email, so the admin search for any part of them does
 * not read every row (seconds at 1,000,000 users). SQLite: an FTS5 `trigram` table over `users`
 * (external content, kept current by triggers; only these three columns fire them, so the
 * frequent PIN and lockout writes cost nothing). PostgreSQL: GIN trigram indexes on the lowered
 * columns the search's LIKE already uses, when pg_trgm can be had: it is a trusted extension, so a
 * role that may create objects in the database may install it; where neither is so, the search
 * keeps scanning rather than the migration failing.
 */
export async function up(db: Kysely<unknown>, dialect: CentralDialect): Promise<void> {
  if (dialect === 'postgres') {
    const usable = await sql<{ ok: boolean }>`select (exists (select 1 from pg_extension where extname = 'pg_trgm')
      or (exists (select 1 from pg_available_extensions where name = 'pg_trgm') and has_database_privilege(current_database(), 'CREATE'))) as ok`.execute(db);
    if (!usable.rows[0]?.ok) return;
    await sql`create extension if not exists pg_trgm`.execute(db);
    for (const column of ['username', 'display_name', 'email']) {
      await sql.raw(`create index users_search_${column} on users using gin (lower(${column}) gin_trgm_ops)`).execute(db);
    }
    return;
  }
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
