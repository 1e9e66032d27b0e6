import type Database from 'better-sqlite3';
import type { CardChange, CardChangeLog } from '../core/index.js';

export class SqliteCardChangeLog implements CardChangeLog {
  private readonly insert;
  private readonly count;

  constructor(db: Database.Database) {
    this.insert = db.prepare('INSERT INTO card_changes (user_id, field, kind, at) VALUES (?, ?, ?, ?)');
    this.count = db.prepare<[string, number], number>('SELECT count(*) FROM card_changes WHERE user_id = ? AND at >= ?').pluck();
  }

  record(change: CardChange): void {
    this.insert.run(change.userId, change.field, change.kind, change.at);
  }

  countSince(userId: string, sinceEpochMs: number): number {
    return this.count.get(userId, sinceEpochMs)!;
  }
}
