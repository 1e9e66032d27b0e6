import { migrate } from '../../../../src/store/index.js';
import { databaseAt, isStrict, tableNames } from '../../../support/storeMigrations.js';

describe('migration 0002: config and kv', () => {
  it('adds config and kv to a version 1 database, keeping its users', () => {
    const db = databaseAt(1);
    db.prepare("INSERT INTO users (id, username, display_name, email, primary_card, updated_at) VALUES ('a', 'a', 'A', 'a@x', '42', 0)").run();
    expect(tableNames(db)).not.toContain('config');
    expect(migrate(db, 2)).toBe(2);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['config', 'kv']));
    expect(isStrict(db, 'config') && isStrict(db, 'kv')).toBe(true);
    db.prepare("INSERT INTO config (name, value, updated_at) VALUES ('pin.min-length', '6', 1)").run();
    expect(() => db.prepare("INSERT INTO config (name, value, updated_at) VALUES ('pin.min-length', '5', 2)").run()).toThrow(/UNIQUE|PRIMARY/);
    db.prepare("INSERT INTO kv (key, value) VALUES ('sync.cursor', '17')").run();
    expect(db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 1 });
    db.close();
  });
});
