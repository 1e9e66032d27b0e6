import { migrate } from '../../../../src/store/index.js';
import { databaseAt, isStrict, tableNames } from '../../../support/storeMigrations.js';

describe('migration 0007: print_servers, release_printer, print_expired', () => {
  it('adds print servers, one release printer that must name a known server, and the expiry memory', () => {
    const db = databaseAt(6);
    db.pragma('foreign_keys = ON');
    expect(tableNames(db)).not.toContain('print_servers');
    expect(migrate(db, 7)).toBe(7);
    for (const table of ['print_servers', 'release_printer', 'print_expired']) expect(isStrict(db, table)).toBe(true);
    const server = db.prepare('INSERT INTO print_servers (name, url, follow_me, has_credentials, created_at) VALUES (?, ?, ?, ?, ?)');
    server.run('main', 'ipp://cups.example', '["followme"]', 0, 1);
    expect(() => server.run('other', 'ipp://x', '"followme"', 0, 1)).toThrow(/CHECK/);
    expect(() => server.run('other', 'ipp://x', '[]', 2, 1)).toThrow(/CHECK/);
    const printer = db.prepare('INSERT INTO release_printer (id, server, queue) VALUES (?, ?, ?)');
    expect(() => printer.run(1, 'nowhere', 'lobby')).toThrow(/FOREIGN KEY/);
    printer.run(1, 'main', 'lobby');
    expect(() => printer.run(2, 'main', 'annex')).toThrow(/CHECK/);
    const expired = db.prepare('INSERT INTO print_expired (server, job_id, expired_at) VALUES (?, ?, ?)');
    expired.run('main', 12, 100);
    expect(() => expired.run('main', 12, 200)).toThrow(/UNIQUE/);
    db.close();
  });

});
