import { sql, type Kysely } from 'kysely';
import { columnTypes, type CentralDialect } from './columnTypes.js';

/**
 * Imports published in short transactions (issue 11, finding 3). An import writes its users into
 * `users` a chunk at a time, each row marked with `import_id` (and its place in the file); while
 * that import's `user_imports` row says `pending`, every read of users leaves them out, and the
 * one short flip to `published` shows them all at once. `owner` and `heartbeat_at` let a restarted
 * or another central process tell a dead import (to sweep away) from a running one.
 */
export async function up(db: Kysely<unknown>, dialect: CentralDialect): Promise<void> {
  const t = columnTypes(dialect);
  await t.strict(db.schema.createTable('user_imports')
    .addColumn('id', t.text, (c) => c.primaryKey())
    .addColumn('state', t.text, (c) => c.notNull())
    .addColumn('owner', t.text, (c) => c.notNull())
    .addColumn('rows', t.int, (c) => c.notNull())
    .addColumn('started_at', t.bigint, (c) => c.notNull())
    .addColumn('heartbeat_at', t.bigint, (c) => c.notNull())).execute();
  await db.schema.alterTable('users').addColumn('import_id', t.text).execute();
  await db.schema.alterTable('users').addColumn('import_position', t.int).execute();
  // Only imported rows not yet settled carry an import_id, so the index stays small.
  await sql`create index users_import on users (import_id, import_position) where import_id is not null`.execute(db);
}
