import { sql } from 'kysely';
import { usernameExists } from '../../core/index.js';
import type { RowProblem } from '../../userImport/importPlan.js';
import type { CentralDb, WriteTx } from '../storage/centralStorage.js';
import type { UsersTable } from '../storage/centralTables.js';
import type { NewUserRow } from './userRows.js';

/** One checked, hashed user of an import, waiting for the import's final transaction. */
export type StagedUser = NewUserRow & {
  /** 0-based place in the file: the user's change-feed sequence is the import's first plus this. */
  readonly position: number;
  readonly line: number;
};

type StagingTables = {
  import_staging: Pick<UsersTable, 'id' | 'username' | 'display_name' | 'email' | 'primary_card' | 'secondary_card' | 'pin_hash'> & { position: number; line: number };
};

/** Rows per staging statement: 9 parameters each, well inside both backends' limits. */
const STAGE_STATEMENT_ROWS = 500;
const MAX_REPORTED_PROBLEMS = 1000;

/**
 * The staging area of one CSV import (issue 11, finding 3): a TEMP table on the import's own
 * connection. Staging writes take no write lock (SQLite writes temp tables apart from the main
 * file; PostgreSQL needs no advisory lock for them), nothing else can see the rows, and a crash
 * loses them with the connection, so a killed import leaves nothing to clean up. Only `publish`
 * touches the shared tables, in the caller's one write transaction, as set-based statements.
 */
export async function openImportStaging(session: CentralDb) {
  const db = session.withTables<StagingTables>();
  // A previous import on this pooled connection may have died before dropping its table.
  await sql`drop table if exists import_staging`.execute(db);
  await sql`create temp table import_staging (
    position integer primary key, line integer not null, id text not null, username text not null,
    display_name text not null, email text not null, primary_card text, secondary_card text, pin_hash text)`.execute(db);

  return {
    async add(users: readonly StagedUser[]): Promise<void> {
      for (let i = 0; i < users.length; i += STAGE_STATEMENT_ROWS) {
        await db.insertInto('import_staging').values(users.slice(i, i + STAGE_STATEMENT_ROWS).map((u) => ({
          position: u.position, line: u.line, id: u.id, username: u.username, display_name: u.displayName,
          email: u.email, primary_card: u.primaryCard, secondary_card: u.secondaryCard, pin_hash: u.pinHash,
        }))).execute();
      }
    },

    /**
     * Staged users whose username or Card/ID number someone took since the plan (another
     * administrator, a kiosk's card change), in the words of the plan's own checks.
     */
    async conflicts(tx: WriteTx): Promise<{ problems: RowProblem[]; problemCount: number }> {
      const w = tx.db.withTables<StagingTables>();
      const usernames = await w.selectFrom('import_staging as s').innerJoin('users as u', (join) => join.on(sql`lower(u.username)`, '=', sql`lower(s.username)`))
        .select(['s.line', 's.username', 'u.username as holder']).execute();
      const cards = await Promise.all((['primary', 'secondary'] as const).map((label) =>
        w.selectFrom('import_staging as s')
          .innerJoin('card_numbers as c', 'c.number', label === 'primary' ? 's.primary_card' : 's.secondary_card')
          .innerJoin('users as u', 'u.id', 'c.user_id')
          .select(['s.line', 'u.username']).execute()
          .then((rows) => rows.map((row) => ({ line: Number(row.line), reason: `the ${label} Card/ID number is already held by user ${row.username}` })))));
      const byLine = new Map<number, string[]>();
      const add = (line: number, reason: string) => byLine.set(line, [...(byLine.get(line) ?? []), reason]);
      for (const row of usernames) add(Number(row.line), usernameExists(row.username, row.holder));
      for (const row of cards.flat()) add(row.line, row.reason);
      const problems = [...byLine.entries()].sort(([a], [b]) => a - b).slice(0, MAX_REPORTED_PROBLEMS)
        .map(([line, reasons]) => ({ line, reason: reasons.join('; ') }));
      return { problems, problemCount: byLine.size };
    },

    /** Copies every staged user into users and card_numbers: three statements, whatever the count. */
    async publish(tx: WriteTx, count: number, now: number): Promise<void> {
      const first = await tx.reserveSeqs(count);
      const w = tx.db.withTables<StagingTables>();
      // Bound as bigint on PostgreSQL, where an untyped parameter in a select list is text.
      const at = sql<number>`cast(${now} as bigint)`;
      await w.insertInto('users')
        .columns(['id', 'username', 'display_name', 'email', 'primary_card', 'secondary_card', 'pin_hash', 'pin_set_at',
          'disabled', 'failed_attempts', 'locked_until', 'version', 'created_at', 'updated_at', 'seq'])
        .expression(w.selectFrom('import_staging').select((eb) => [
          'id', 'username', 'display_name', 'email', 'primary_card', 'secondary_card', 'pin_hash',
          sql<number | null>`case when pin_hash is null then null else ${at} end`.as('pin_set_at'),
          sql<number>`0`.as('disabled'), sql<number>`0`.as('failed_attempts'), sql<null>`null`.as('locked_until'),
          sql<number>`1`.as('version'), at.as('created_at'), at.as('updated_at'),
          eb(sql<number>`cast(${first} as bigint)`, '+', eb.ref('position')).as('seq'),
        ]).orderBy('position'))
        .execute();
      for (const [label, column] of [['primary', 'primary_card'], ['secondary', 'secondary_card']] as const) {
        await w.insertInto('card_numbers').columns(['number', 'user_id', 'field'])
          .expression(w.selectFrom('import_staging').where(column, 'is not', null)
            .select([sql<string>`${sql.ref(column)}`.as('number'), 'id', sql<string>`${label}`.as('field')]))
          .execute();
      }
    },

    async drop(): Promise<void> {
      await sql`drop table if exists import_staging`.execute(db);
    },
  };
}
