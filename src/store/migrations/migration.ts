import type Database from 'better-sqlite3';

/**
 * One schema step. Files are named NNNN-what.ts and never edited once landed: a change to the
 * schema is a new migration. The step runs in a transaction together with `PRAGMA user_version`.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}
