import { CompiledQuery, type Compilable } from 'kysely';
import type { CentralDb } from './centralStorage.js';

/**
 * A query Kysely builds and compiles once per SQL dialect, then runs with each call's values.
 * Kysely builds and compiles on every call, which for the small queries of a sign-in or an audit
 * row cost more than SQLite's own work (a third of a directory sign-in's CPU went to Kysely).
 *
 * `build` is called once per dialect with placeholders in place of the arguments; each must reach
 * the compiled query as one bound parameter, used as a value as it is (never transformed, spread
 * into an `in` list, or left out: a placeholder that is not found fails at the first call). An
 * argument that is undefined is bound as null, since a compiled statement cannot drop a column.
 */
export function preparedQuery<A extends readonly unknown[], R>(build: (db: CentralDb, ...args: A) => Compilable<R>): (db: CentralDb, ...args: A) => Promise<R[]> {
  const compiled = new WeakMap<object, { readonly sql: string; readonly slots: readonly Slot[] }>();
  return async (db, ...args) => {
    const dialect = dialectKey(db);
    if (dialect === undefined) return (await db.executeQuery(build(db, ...args))).rows;
    let prepared = compiled.get(dialect);
    if (!prepared) {
      // Mixed case and spaces: an argument lower-cased, upper-cased or trimmed no longer matches, so it is caught.
      const placeholders = args.map((_, i) => ` Badgekiosk Prepared Argument ${i} `);
      const query = build(db, ...(placeholders as unknown as A)).compile();
      const slots = query.parameters.map((value): Slot => {
        const index = placeholders.indexOf(value as string);
        return index >= 0 ? { argument: index } : { constant: value };
      });
      const missing = placeholders.findIndex((_, i) => !slots.some((slot) => 'argument' in slot && slot.argument === i));
      if (missing >= 0) throw new Error(`preparedQuery: argument ${missing} does not reach the query as a bound value: ${query.sql}`);
      prepared = { sql: query.sql, slots };
      compiled.set(dialect, prepared);
    }
    const parameters = prepared.slots.map((slot) => ('argument' in slot ? (args[slot.argument] ?? null) : slot.constant));
    return (await db.executeQuery(CompiledQuery.raw(prepared.sql, parameters) as CompiledQuery<R>)).rows;
  };
}

type Slot = { readonly argument: number } | { readonly constant: unknown };

/**
 * The dialect's adapter object: Kysely gives every transaction and connection of a database the
 * same one, and a process may hold a SQLite and a PostgreSQL store at once (tests do). Kysely keeps
 * it behind an internal accessor; without it, every call builds and compiles as Kysely does.
 */
function dialectKey(db: CentralDb): object | undefined {
  const executor = (db as unknown as { getExecutor?: () => { adapter?: object } }).getExecutor?.();
  return executor?.adapter;
}
