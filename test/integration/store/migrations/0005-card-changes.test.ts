import { migrate } from '../../../../src/store/index.js';
import { databaseAt, isStrict, tableNames } from '../../../support/storeMigrations.js';

describe('migration 0005: card_changes', () => {
  it('adds the Card/ID change history, searchable by user and time', () => {
    const db = databaseAt(4);
    expect(tableNames(db)).not.toContain('card_changes');
    expect(migrate(db, 5)).toBe(5);
    expect(isStrict(db, 'card_changes')).toBe(true);
    const insert = db.prepare('INSERT INTO card_changes (user_id, field, kind, at) VALUES (?, ?, ?, ?)');
    insert.run('u1', 'primary', 'generated', 100);
    expect(() => insert.run('u1', 'both', 'generated', 100)).toThrow(/CHECK/);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM card_changes WHERE user_id = 'u1' AND at >= 50").all();
    expect(JSON.stringify(plan)).toContain('card_changes_by_user_time');
    db.close();
  });
});
