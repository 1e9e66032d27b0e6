import type { Kysely } from 'kysely';
import { columnTypes, type CentralDialect } from './columnTypes.js';

/** The last reader profile each kiosk's technician saved (the `reader-profile` command), kept as sent. */
export async function up(db: Kysely<unknown>, dialect: CentralDialect): Promise<void> {
  const t = columnTypes(dialect);
  await t.strict(db.schema.createTable('kiosk_reader_profiles')
    .addColumn('kiosk_id', t.text, (c) => c.primaryKey())
    .addColumn('profile', t.text, (c) => c.notNull())
    .addColumn('saved_at', t.bigint, (c) => c.notNull())
    .addColumn('received_at', t.bigint, (c) => c.notNull())).execute();
}
