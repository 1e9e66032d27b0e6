import { sql } from 'kysely';
import type { WriteTx } from './centralStorage.js';
import type { CentralDialect } from './migrations/columnTypes.js';
import { CENTRAL_MIGRATIONS, LATEST_CENTRAL_SCHEMA } from './migrations/index.js';

/**
 * Brings the schema to the latest version inside the caller's write transaction (so two central
 * processes starting together on PostgreSQL apply each migration once). Refuses a database
 * written by a newer badgekiosk.
 */
export async function migrateCentral(tx: WriteTx, dialect: CentralDialect): Promise<number[]> {
  const bigint = dialect === 'postgres' ? sql`bigint` : sql`integer`;
  await sql`create table if not exists schema_migrations (version integer primary key, name text not null, applied_at ${bigint} not null)`.execute(tx.db);
  const rows = await tx.db.selectFrom('schema_migrations').select('version').execute();
  const applied = new Set(rows.map((r) => Number(r.version)));
  const newest = Math.max(0, ...applied);
  if (newest > LATEST_CENTRAL_SCHEMA) {
    throw new Error(`The central database has schema version ${newest}, newer than this badgekiosk knows (${LATEST_CENTRAL_SCHEMA}); upgrade badgekiosk.`);
  }
  const done: number[] = [];
  for (const migration of CENTRAL_MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    await migration.up(tx.db as never, dialect);
    await tx.db.insertInto('schema_migrations').values({ version: migration.version, name: migration.name, applied_at: Date.now() }).execute();
    done.push(migration.version);
  }
  return done;
}

export async function schemaVersion(db: WriteTx['db']): Promise<number> {
  const row = await db.selectFrom('schema_migrations').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
  return Number(row?.v ?? 0);
}
