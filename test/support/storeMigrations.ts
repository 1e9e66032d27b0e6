import Database from 'better-sqlite3';
import { migrate } from '../../src/store/index.js';

/** An in-memory SQLite database at schema version `version` (0 = empty). */
export function databaseAt(version: number): Database.Database {
  const db = new Database(':memory:');
  migrate(db, version);
  return db;
}

export function tableNames(db: Database.Database): string[] {
  return db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
}

/** STRICT shows in the table's CREATE text; SQLite refuses wrong types only in STRICT tables. */
export function isStrict(db: Database.Database, table: string): boolean {
  const sql = db.prepare<[string], string>("SELECT sql FROM sqlite_schema WHERE name = ?").pluck().get(table) ?? '';
  return /\)\s*STRICT/i.test(sql);
}
