import { migrate } from '../../../../src/store/index.js';
import { databaseAt, isStrict, tableNames } from '../../../support/storeMigrations.js';

describe('migration 0004: audit', () => {
  it('adds the audit log, refusing an unknown outcome', () => {
    const db = databaseAt(3);
    expect(tableNames(db)).not.toContain('audit');
    expect(migrate(db, 4)).toBe(4);
    expect(isStrict(db, 'audit')).toBe(true);
    const insert = db.prepare("INSERT INTO audit (id, at, kind, outcome) VALUES (?, 1, 'auth.card', ?)");
    insert.run('e1', 'success');
    expect(() => insert.run('e2', 'maybe')).toThrow(/CHECK constraint failed/);
    expect(db.prepare('SELECT details FROM audit').pluck().get()).toBe('{}');
    db.close();
  });
});
