import type Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion } from '../../../../src/store/index.js';
import { databaseAt } from '../../../support/storeMigrations.js';

const addUser = (db: Database.Database, id: string, username: string) =>
  db.prepare('INSERT INTO users (id, username, display_name, email, version, updated_at) VALUES (?, ?, ?, ?, 1, 0)').run(id, username, username, '');

// Issue 11, finding 10, on the kiosk's own store (standalone kiosks are the authority for users).
describe('migration 0009: usernames unique whatever their case', () => {
  it('refuses clashing usernames, naming them, and changes nothing; once renamed it applies and holds', () => {
    const db = databaseAt(8);
    for (const [id, username] of [['u1', 'alice'], ['u2', 'Alice'], ['u3', 'bob'], ['u4', 'BOB'], ['u5', 'carol']]) addUser(db, id!, username!);
    expect(() => migrate(db)).toThrow('these differ only in case: Alice and alice; BOB and bob. Rename all but one of each');
    expect(schemaVersion(db)).toBe(8);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'users_username_lower_unique'").get()).toBeUndefined();

    db.prepare("UPDATE users SET username = 'alice.smith' WHERE id = 'u1'").run();
    db.prepare("UPDATE users SET username = 'bob.jones' WHERE id = 'u3'").run();
    expect(migrate(db)).toBe(9);
    expect(() => addUser(db, 'u6', 'CAROL')).toThrow(/UNIQUE/);
    addUser(db, 'u7', 'carol.b');
    db.close();
  });

  it('on an enrolled kiosk parks the clashing rows of its copy and pulls the whole feed again, so the central names come back', () => {
    const db = databaseAt(8);
    db.prepare("INSERT INTO kv (key, value) VALUES ('sync.cursor', '42')").run();
    for (const [id, username] of [['u1', 'alice'], ['u2', 'Alice'], ['u3', 'carol']]) addUser(db, id!, username!);
    expect(migrate(db)).toBe(9);
    expect(db.prepare('SELECT username FROM users ORDER BY id').pluck().all()).toEqual(['~u1', '~u2', 'carol']);
    expect(db.prepare("SELECT value FROM kv WHERE key = 'sync.cursor'").pluck().get()).toBe('0');
    db.close();
  });

  it('is the latest step, and a database newer than this code is refused', () => {
    expect(LATEST_SCHEMA_VERSION).toBe(9);
    const db = databaseAt(9);
    db.pragma('user_version = 10');
    expect(() => migrate(db)).toThrow('newer than this badgekiosk knows');
    db.close();
  });
});
