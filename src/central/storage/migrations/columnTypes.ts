import { sql, type ColumnDataType, type CreateTableBuilder } from 'kysely';

export type CentralDialect = 'sqlite' | 'postgres';

/**
 * Column types per backend. SQLite tables are STRICT, which only knows INTEGER/TEXT/REAL/BLOB/ANY;
 * PostgreSQL needs bigint for epoch milliseconds and sequences.
 */
export interface ColumnTypes {
  readonly text: ColumnDataType;
  readonly int: ColumnDataType;
  readonly bigint: ColumnDataType;
  /** Auto-incrementing primary key. */
  readonly serial: ColumnDataType;
  strict<T extends string, C extends string>(table: CreateTableBuilder<T, C>): CreateTableBuilder<T, C>;
}

export function columnTypes(dialect: CentralDialect): ColumnTypes {
  if (dialect === 'postgres') {
    return { text: 'text', int: 'integer', bigint: 'bigint', serial: 'bigserial', strict: (t) => t };
  }
  return { text: 'text', int: 'integer', bigint: 'integer', serial: 'integer', strict: (t) => t.modifyEnd(sql`strict`) };
}
