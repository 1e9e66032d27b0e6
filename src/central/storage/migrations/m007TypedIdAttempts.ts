import type { Kysely } from 'kysely';
import { columnTypes, type CentralDialect } from './columnTypes.js';

/**
 * Typed-ID failures counted by keyed digest of the typed number, from every kiosk (issue 11,
 * finding 5; the `typed-id-attempt` command), with the lock; `seq` puts each row on the change feed.
 */
export async function up(db: Kysely<unknown>, dialect: CentralDialect): Promise<void> {
  const t = columnTypes(dialect);
  await t.strict(db.schema.createTable('typed_id_attempts')
    .addColumn('digest', t.text, (c) => c.primaryKey())
    .addColumn('failures', t.int, (c) => c.notNull())
    .addColumn('locked_until', t.bigint)
    .addColumn('last_failure_at', t.bigint)
    .addColumn('seq', t.bigint, (c) => c.notNull())).execute();
  await db.schema.createIndex('typed_id_attempts_seq').on('typed_id_attempts').column('seq').execute();
}
