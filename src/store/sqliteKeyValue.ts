import type Database from 'better-sqlite3';

/** Small named facts of this kiosk (sync cursor, outbox switch); values are text. */
export class SqliteKeyValue {
  private readonly select;
  private readonly upsert;
  private readonly remove;

  constructor(db: Database.Database) {
    this.select = db.prepare<[string], string>('SELECT value FROM kv WHERE key = ?').pluck();
    this.upsert = db.prepare('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.remove = db.prepare('DELETE FROM kv WHERE key = ?');
  }

  get(key: string): string | undefined {
    return this.select.get(key);
  }

  set(key: string, value: string): void {
    this.upsert.run(key, value);
  }

  delete(key: string): void {
    this.remove.run(key);
  }
}
