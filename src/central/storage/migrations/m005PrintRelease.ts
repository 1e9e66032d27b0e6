import type { Kysely } from 'kysely';
import { columnTypes, type CentralDialect } from './columnTypes.js';

/**
 * Print release (issue 12): the site's print servers (credentials sealed with a key derived from
 * the site pepper, which lives beside the store, never in it), each kiosk's release printer, and
 * the expiry sweep's memory of jobs it cancelled.
 */
export async function up(db: Kysely<unknown>, dialect: CentralDialect): Promise<void> {
  const t = columnTypes(dialect);
  await t.strict(db.schema.createTable('print_servers')
    .addColumn('name', t.text, (c) => c.primaryKey())
    .addColumn('url', t.text, (c) => c.notNull())
    .addColumn('follow_me', t.text, (c) => c.notNull())
    .addColumn('credentials', t.text)
    .addColumn('created_at', t.bigint, (c) => c.notNull())).execute();
  await t.strict(db.schema.createTable('kiosk_release_printers')
    .addColumn('kiosk_id', t.text, (c) => c.primaryKey().references('kiosks.id').onDelete('cascade'))
    .addColumn('server', t.text, (c) => c.notNull().references('print_servers.name'))
    .addColumn('queue', t.text, (c) => c.notNull())).execute();
  await t.strict(db.schema.createTable('print_expired')
    .addColumn('server', t.text, (c) => c.notNull())
    .addColumn('job_id', t.bigint, (c) => c.notNull())
    .addColumn('expired_at', t.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('print_expired_pk', ['server', 'job_id'])).execute();
}
