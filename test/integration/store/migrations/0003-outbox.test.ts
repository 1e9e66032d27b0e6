import { migrate } from '../../../../src/store/index.js';
import { databaseAt, isStrict, tableNames } from '../../../support/storeMigrations.js';

describe('migration 0003: outbox', () => {
  it('adds the outbox with unique idempotency keys', () => {
    const db = databaseAt(2);
    expect(tableNames(db)).not.toContain('outbox');
    expect(migrate(db, 3)).toBe(3);
    expect(isStrict(db, 'outbox')).toBe(true);
    const insert = db.prepare("INSERT INTO outbox (idempotency_key, type, body, created_at) VALUES (?, 'failed-attempt', '{}', 1)");
    insert.run('k1');
    insert.run('k2');
    expect(() => insert.run('k1')).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT idempotency_key FROM outbox WHERE delivered_at IS NULL ORDER BY seq').pluck().all()).toEqual(['k1', 'k2']);
    db.close();
  });
});
