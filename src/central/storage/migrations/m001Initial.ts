import { sql, type Kysely } from 'kysely';
import { columnTypes, type CentralDialect } from './columnTypes.js';

/** The whole first schema of the central store (tables described in centralTables.ts). */
export async function up(db: Kysely<unknown>, dialect: CentralDialect): Promise<void> {
  const t = columnTypes(dialect);
  await t.strict(db.schema.createTable('site')
    .addColumn('id', t.int, (c) => c.primaryKey())
    .addColumn('site_id', t.text, (c) => c.notNull())
    .addColumn('pepper_fingerprint', t.text, (c) => c.notNull())
    .addColumn('created_at', t.bigint, (c) => c.notNull())).execute();

  await t.strict(db.schema.createTable('change_counter')
    .addColumn('id', t.int, (c) => c.primaryKey())
    .addColumn('seq', t.bigint, (c) => c.notNull())).execute();
  await db.insertInto('change_counter' as never).values({ id: 1, seq: 0 } as never).execute();

  await t.strict(db.schema.createTable('users')
    .addColumn('id', t.text, (c) => c.primaryKey())
    .addColumn('username', t.text, (c) => c.notNull().unique())
    .addColumn('display_name', t.text, (c) => c.notNull())
    .addColumn('email', t.text, (c) => c.notNull())
    .addColumn('primary_card', t.text)
    .addColumn('secondary_card', t.text)
    .addColumn('pin_hash', t.text)
    .addColumn('pin_set_at', t.bigint)
    .addColumn('disabled', t.int, (c) => c.notNull().defaultTo(0))
    .addColumn('failed_attempts', t.int, (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', t.bigint)
    .addColumn('version', t.int, (c) => c.notNull())
    .addColumn('created_at', t.bigint, (c) => c.notNull())
    .addColumn('updated_at', t.bigint, (c) => c.notNull())
    .addColumn('seq', t.bigint, (c) => c.notNull())).execute();
  await db.schema.createIndex('users_seq').on('users').column('seq').execute();

  await t.strict(db.schema.createTable('card_numbers')
    .addColumn('number', t.text, (c) => c.primaryKey())
    .addColumn('user_id', t.text, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('field', t.text, (c) => c.notNull())
    .addUniqueConstraint('card_numbers_user_field', ['user_id', 'field'])).execute();

  await t.strict(db.schema.createTable('user_tombstones')
    .addColumn('id', t.text, (c) => c.primaryKey())
    .addColumn('deleted_at', t.bigint, (c) => c.notNull())
    .addColumn('seq', t.bigint, (c) => c.notNull())).execute();
  await db.schema.createIndex('user_tombstones_seq').on('user_tombstones').column('seq').execute();

  await t.strict(db.schema.createTable('card_changes')
    .addColumn('id', t.text, (c) => c.primaryKey())
    .addColumn('user_id', t.text, (c) => c.notNull())
    .addColumn('field', t.text, (c) => c.notNull())
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('at', t.bigint, (c) => c.notNull())
    .addColumn('kiosk_id', t.text)
    .addColumn('seq', t.bigint, (c) => c.notNull())).execute();
  await db.schema.createIndex('card_changes_user_at').on('card_changes').columns(['user_id', 'at']).execute();
  await db.schema.createIndex('card_changes_seq').on('card_changes').column('seq').execute();

  await t.strict(db.schema.createTable('config')
    .addColumn('name', t.text, (c) => c.primaryKey())
    .addColumn('value', t.text, (c) => c.notNull())
    .addColumn('updated_at', t.bigint, (c) => c.notNull())
    .addColumn('seq', t.bigint, (c) => c.notNull())).execute();
  await db.schema.createIndex('config_seq').on('config').column('seq').execute();

  await t.strict(db.schema.createTable('kiosks')
    .addColumn('id', t.text, (c) => c.primaryKey())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('created_at', t.bigint, (c) => c.notNull())
    .addColumn('enrollment_code_hash', t.text, (c) => c.unique())
    .addColumn('enrollment_expires_at', t.bigint)
    .addColumn('token_hash', t.text, (c) => c.unique())
    .addColumn('enrolled_at', t.bigint)
    .addColumn('revoked_at', t.bigint)
    .addColumn('last_seen_at', t.bigint)
    .addColumn('version', t.text)).execute();

  await t.strict(db.schema.createTable('commands')
    .addColumn('kiosk_id', t.text, (c) => c.notNull())
    .addColumn('idempotency_key', t.text, (c) => c.notNull())
    .addColumn('type', t.text, (c) => c.notNull())
    .addColumn('user_id', t.text)
    .addColumn('received_at', t.bigint, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('answer', t.text, (c) => c.notNull())
    .addPrimaryKeyConstraint('commands_pk', ['kiosk_id', 'idempotency_key'])).execute();

  await t.strict(db.schema.createTable('audit')
    .addColumn('n', t.serial, (c) => c.primaryKey())
    .addColumn('id', t.text, (c) => c.notNull().unique())
    .addColumn('at', t.bigint, (c) => c.notNull())
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('outcome', t.text, (c) => c.notNull())
    .addColumn('user_id', t.text)
    .addColumn('username', t.text)
    .addColumn('kiosk_id', t.text)
    .addColumn('actor', t.text)
    .addColumn('code', t.text)
    .addColumn('details', t.text, (c) => c.notNull())).execute();
  await db.schema.createIndex('audit_at').on('audit').column('at').execute();
  await db.schema.createIndex('audit_user').on('audit').columns(['user_id', 'at']).execute();
  await db.schema.createIndex('audit_kiosk').on('audit').columns(['kiosk_id', 'at']).execute();

  await t.strict(db.schema.createTable('admins')
    .addColumn('id', t.text, (c) => c.primaryKey())
    .addColumn('username', t.text, (c) => c.notNull().unique())
    .addColumn('password_hash', t.text, (c) => c.notNull())
    .addColumn('created_at', t.bigint, (c) => c.notNull())
    .addColumn('disabled', t.int, (c) => c.notNull().defaultTo(0))).execute();

  await t.strict(db.schema.createTable('admin_sessions')
    .addColumn('id_hash', t.text, (c) => c.primaryKey())
    .addColumn('admin_id', t.text, (c) => c.notNull().references('admins.id').onDelete('cascade'))
    .addColumn('csrf_token', t.text, (c) => c.notNull())
    .addColumn('created_at', t.bigint, (c) => c.notNull())
    .addColumn('expires_at', t.bigint, (c) => c.notNull())).execute();

  await t.strict(db.schema.createTable('admin_tokens')
    .addColumn('id', t.text, (c) => c.primaryKey())
    .addColumn('admin_id', t.text, (c) => c.notNull().references('admins.id').onDelete('cascade'))
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('token_hash', t.text, (c) => c.notNull().unique())
    .addColumn('created_at', t.bigint, (c) => c.notNull())
    .addColumn('last_used_at', t.bigint)
    .addColumn('revoked_at', t.bigint)).execute();

  // Case-insensitive username search on both backends without a per-backend operator.
  await sql`create index users_username_lower on users (lower(username))`.execute(db);
}
