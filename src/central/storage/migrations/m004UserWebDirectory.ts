import type { Kysely } from 'kysely';
import { columnTypes, type CentralDialect } from './columnTypes.js';

/**
 * User web interface sessions (apart from admin sessions), and which users the directory manages
 * (issue 14). Neither is replicated to kiosks.
 */
export async function up(db: Kysely<unknown>, dialect: CentralDialect): Promise<void> {
  const t = columnTypes(dialect);
  await t.strict(db.schema.createTable('user_web_sessions')
    .addColumn('id_hash', t.text, (c) => c.primaryKey())
    .addColumn('user_id', t.text, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', t.text, (c) => c.notNull())
    .addColumn('via', t.text, (c) => c.notNull())
    .addColumn('created_at', t.bigint, (c) => c.notNull())
    .addColumn('last_seen_at', t.bigint, (c) => c.notNull())).execute();
  await db.schema.createIndex('user_web_sessions_user').on('user_web_sessions').column('user_id').execute();

  await t.strict(db.schema.createTable('directory_users')
    .addColumn('user_id', t.text, (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('dn', t.text, (c) => c.notNull())
    .addColumn('synced_card', t.text)
    .addColumn('disabled_by_sync', t.int, (c) => c.notNull().defaultTo(0))
    .addColumn('synced_at', t.bigint, (c) => c.notNull())).execute();
}
