import { schemaVersion, migrate } from '../../../../src/store/index.js';
import { databaseAt, isStrict, tableNames } from '../../../support/storeMigrations.js';

describe('migration 0001: users and card_numbers', () => {
  const db = databaseAt(0);
  afterAll(() => db.close());
  const insert = (id: string, primary: string | null, secondary: string | null) =>
    db
      .prepare('INSERT INTO users (id, username, display_name, email, primary_card, secondary_card, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0)')
      .run(id, id, id, `${id}@x`, primary, secondary);
  const cardsOf = () => db.prepare('SELECT card_number, field FROM card_numbers ORDER BY card_number').all();

  it('starts from an empty database and moves to version 1', () => {
    expect(tableNames(db)).toEqual([]);
    expect(migrate(db, 1)).toBe(1);
    expect(schemaVersion(db)).toBe(1);
    expect(tableNames(db)).toEqual(['card_numbers', 'users']);
    expect(isStrict(db, 'users')).toBe(true);
    expect(isStrict(db, 'card_numbers')).toBe(true);
  });

  it('indexes every card number of every user, in either field', () => {
    insert('a', '0001', '0002');
    insert('b', '0003', null);
    expect(cardsOf()).toEqual([
      { card_number: '0001', field: 'primary' },
      { card_number: '0002', field: 'secondary' },
      { card_number: '0003', field: 'primary' },
    ]);
  });

  it('refuses a number already held as primary or secondary by anyone, or twice by one user', () => {
    expect(() => insert('c', '0002', null)).toThrow(/UNIQUE constraint failed: card_numbers.card_number/);
    expect(() => insert('d', null, '0001')).toThrow(/UNIQUE/);
    expect(() => insert('e', '0009', '0009')).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 2 });
  });

  it('follows updates, including a swap of primary and secondary, and deletes', () => {
    db.prepare("UPDATE users SET primary_card = secondary_card, secondary_card = primary_card WHERE id = 'a'").run();
    db.prepare("UPDATE users SET primary_card = '0004' WHERE id = 'b'").run();
    expect(cardsOf()).toEqual([
      { card_number: '0001', field: 'secondary' },
      { card_number: '0002', field: 'primary' },
      { card_number: '0004', field: 'primary' },
    ]);
    expect(() => db.prepare("UPDATE users SET secondary_card = '0004' WHERE id = 'a'").run()).toThrow(/UNIQUE/);
    db.prepare("DELETE FROM users WHERE id = 'a'").run();
    expect(cardsOf()).toEqual([{ card_number: '0004', field: 'primary' }]);
  });

  it('is STRICT: a number where text belongs is refused', () => {
    expect(() =>
      db.prepare("INSERT INTO users (id, username, display_name, email, updated_at) VALUES ('z', 'z', 'z', 'z', 'soon')").run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
  });
});
