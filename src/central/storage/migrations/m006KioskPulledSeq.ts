import type { Kysely } from 'kysely';
import { columnTypes, type CentralDialect } from './columnTypes.js';

/**
 * The change-feed sequence each kiosk had applied when it last pulled (the `after` of its
 * `changes` request), so administrators see how far behind a kiosk is (issue 13: sync lag).
 */
export async function up(db: Kysely<unknown>, dialect: CentralDialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema.alterTable('kiosks').addColumn('pulled_seq', t.bigint).execute();
}
