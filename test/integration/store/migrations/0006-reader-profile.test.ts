import { LATEST_SCHEMA_VERSION, migrate } from '../../../../src/store/index.js';
import { databaseAt, isStrict, tableNames } from '../../../support/storeMigrations.js';

describe('migration 0006: reader_profile', () => {
  it('adds one row for this kiosk’s reader profile, holding valid JSON only', () => {
    const db = databaseAt(5);
    expect(tableNames(db)).not.toContain('reader_profile');
    expect(migrate(db, 6)).toBe(6);
    expect(isStrict(db, 'reader_profile')).toBe(true);
    const insert = db.prepare('INSERT INTO reader_profile (id, body, saved_at, saved_by) VALUES (?, ?, ?, ?)');
    insert.run(1, '{"readers":[]}', 100, 'technician');
    expect(() => insert.run(2, '{}', 100, 'technician')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE reader_profile SET body = 'not json' WHERE id = 1").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE reader_profile SET saved_at = 'soon' WHERE id = 1").run()).toThrow(/cannot store TEXT value in INTEGER column/);
    db.close();
  });
});
