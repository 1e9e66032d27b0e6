import { migrate } from '../../../../src/store/index.js';
import { databaseAt, isStrict, tableNames } from '../../../support/storeMigrations.js';

describe('migration 0008: typed_id_attempts', () => {
  it('keeps one row per typed-number digest, never anything but a 64-character digest as the key', () => {
    const db = databaseAt(7);
    expect(tableNames(db)).not.toContain('typed_id_attempts');
    expect(migrate(db, 8)).toBe(8);
    expect(isStrict(db, 'typed_id_attempts')).toBe(true);
    const insert = db.prepare('INSERT INTO typed_id_attempts (digest, failures, locked_until, last_failure_at, pending) VALUES (?, ?, ?, ?, ?)');
    insert.run('a'.repeat(64), 2, null, 100, 1);
    expect(() => insert.run('a'.repeat(64), 1, null, 100, 0)).toThrow(/UNIQUE/);
    expect(() => insert.run('55512345', 1, null, 100, 0)).toThrow(/CHECK/);
    expect(() => insert.run('b'.repeat(64), -1, null, 100, 0)).toThrow(/CHECK/);
    expect(() => insert.run('b'.repeat(64), 1, null, 100, -1)).toThrow(/CHECK/);
    db.close();
  });
});
