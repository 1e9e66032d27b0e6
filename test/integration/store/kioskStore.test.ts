import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { NewUser } from '../../../src/core/index.js';
import { kioskPaths, openKioskStore, type KioskStore } from '../../../src/store/index.js';
import { manualClock } from '../../support/domainFakes.js';
import { tempDataDir } from '../../support/domainStore.js';

const newUser = (username: string, primaryCard: string | null, secondaryCard: string | null = null): NewUser => ({
  username, displayName: username.toUpperCase(), email: `${username}@example.org`, primaryCard, secondaryCard, pinHash: null,
});

describe('kiosk store on a SQLite file', () => {
  let temp: ReturnType<typeof tempDataDir>;
  let store: KioskStore;
  const clock = manualClock(1_700_000_000_000);
  beforeEach(() => {
    temp = tempDataDir();
    store = openKioskStore({ file: kioskPaths(temp.dir).db, clock, kioskId: 'kiosk-1' });
  });
  afterEach(() => {
    store.close();
    temp.remove();
  });

  it('creates the file in WAL mode at the latest schema, and reopens it', () => {
    expect(existsSync(kioskPaths(temp.dir).db)).toBe(true);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    store.uow.transaction((r) => r.users.insert(newUser('ada', '0042')));
    store.close();
    store = openKioskStore({ file: kioskPaths(temp.dir).db });
    expect(store.uow.repos.users.findByCard('0042')?.username).toBe('ada');
  });

  it('finds users by either card, keeps leading zeros, and bumps version on update', () => {
    const ada = store.uow.transaction((r) => r.users.insert(newUser('ada', '0042', '77')));
    const repo = store.uow.repos.users;
    expect(repo.findByCard('0042')?.id).toBe(ada.id);
    expect(repo.findByCard('77')?.id).toBe(ada.id);
    expect(repo.findByCard('42')).toBeUndefined();
    expect(repo.isCardTaken('77')).toBe(true);
    expect(ada.version).toBe(1);
    clock.advance(5);
    const updated = store.uow.transaction((r) => r.users.update({ ...ada, displayName: 'Ada L.' }));
    expect(updated).toMatchObject({ displayName: 'Ada L.', version: 2, updatedAt: 1_700_000_000_005 });
  });

  it('refuses a card number another user holds in the other field, and rolls the transaction back', () => {
    store.uow.transaction((r) => r.users.insert(newUser('ada', '1001', '1002')));
    expect(() =>
      store.uow.transaction((r) => {
        r.users.insert(newUser('bob', '2001'));
        r.users.insert(newUser('cy', '1002'));
      }),
    ).toThrow(/UNIQUE/);
    expect(store.uow.repos.users.count()).toBe(1);
    expect(store.uow.repos.users.findByUsername('bob')).toBeUndefined();
  });

  it('lists and searches users by name, email or username', () => {
    store.uow.transaction((r) => {
      r.users.insert(newUser('zoe', '1'));
      r.users.insert(newUser('ada', '2'));
      r.users.insert(newUser('ad_min', '3'));
    });
    expect(store.uow.repos.users.list().map((u) => u.username)).toEqual(['ad_min', 'ada', 'zoe']);
    expect(store.uow.repos.users.list({ search: 'd_' }).map((u) => u.username)).toEqual(['ad_min']);
    expect(store.uow.repos.users.list({ limit: 1, offset: 1 }).map((u) => u.username)).toEqual(['ada']);
  });

  it('sets configuration through validateConfigChange and audits both outcomes', () => {
    expect(store.setConfig('user.can-change-card-id.num-times-per-day', '5', { username: 'admin' })).toMatchObject({ ok: true });
    expect(store.configValues()['user.can-change-card-id.num-times-per-day']).toBe(5);
    expect(store.uow.repos.config.get('user.can-change-card-id.num-times-per-day')).toBe(5);
    expect(store.setConfig('pin.min-length', '9')).toEqual({
      ok: false,
      error: 'Invalid value "9" for pin.min-length: pin.min-length must be at most pin.max-length (pin.max-length is 8); expected an integer from 4 to 8.',
    });
    expect(store.setConfig('no.such-key', '1').ok).toBe(false);
    expect(store.configValues()['pin.min-length']).toBe(4);
    const audit = store.uow.repos.audit.query({ kind: 'config.set' });
    expect(audit.map((e) => [e.outcome, e.details.key, e.kioskId])).toEqual([
      ['failure', 'no.such-key', 'kiosk-1'],
      ['failure', 'pin.min-length', 'kiosk-1'],
      ['success', 'user.can-change-card-id.num-times-per-day', 'kiosk-1'],
    ]);
  });

  it('falls back to the default when a stored value no longer parses', () => {
    store.db.prepare("INSERT INTO config (name, value, updated_at) VALUES ('auth.lockout-minutes', '\"soon\"', 0)").run();
    expect(store.uow.repos.config.get('auth.lockout-minutes')).toBe(15);
  });

  it('imports all rows in one transaction', () => {
    const rows = Array.from({ length: 500 }, (_, i) => newUser(`u${i}`, String(100000 + i), i % 2 ? `9${i}` : null));
    rows[0] = { ...rows[0]!, pinHash: '$argon2id$v=19$m=19456,p=1,t=2$c2FsdHNhbHQ$aGFzaGhhc2g' };
    expect(store.importUsers(rows)).toEqual({ ok: true, value: { inserted: 500 } });
    expect(store.uow.repos.users.count()).toBe(500);
    expect(store.uow.repos.users.findByCard('93')?.username).toBe('u3');
    expect(store.uow.repos.users.findByUsername('u0')?.pinHash).toMatch(/^\$argon2id\$/);
    expect(store.uow.repos.audit.query({ kind: 'user.import' })[0]?.details).toEqual({ count: 500, by: 'local' });
  });

  it('refuses a bad import whole, reporting every bad row, and leaves the store untouched', () => {
    store.uow.transaction((r) => r.users.insert(newUser('ada', '1001')));
    const before = store.db.prepare('SELECT count(*) FROM audit').pluck().get();
    const result = store.importUsers([
      newUser('bob', '2001'),
      newUser('ada', '2002'),
      newUser('cy', '1001'),
      newUser('dee', '2001'),
      newUser('eve', '3003', '3003'),
      newUser('fay', '12-34'),
      { ...newUser('gus', '4004'), pinHash: '2580' },
      newUser('bob', '5005'),
      newUser('ADA', '6006'),
      newUser('Bob', '7007'),
    ]);
    expect(result).toEqual({
      ok: false,
      error: [
        { index: 1, reason: 'username ada already exists' },
        { index: 2, reason: 'primary card 1001 is already in use' },
        { index: 3, reason: 'primary card 2001 appears twice (also row 1)' },
        { index: 4, reason: 'primary and secondary card are both 3003' },
        { index: 5, reason: 'primary card "12-34" is not a Card/ID number (1 to 64 letters or digits)' },
        { index: 6, reason: 'PIN hash is not an argon2id PHC string' },
        { index: 7, reason: 'username bob appears twice (also row 1)' },
        { index: 8, reason: 'username ADA appears twice (also row 2 as ada; usernames ignore case)' },
        { index: 9, reason: 'username Bob appears twice (also row 1 as bob; usernames ignore case)' },
      ],
    });
    expect(JSON.stringify(result)).not.toContain('2580');
    expect(store.uow.repos.users.count()).toBe(1);
    expect(store.db.prepare('SELECT count(*) FROM audit').pluck().get()).toBe(before);
  });

  it('leaves the store untouched when a write fails halfway through a transaction', () => {
    const file = kioskPaths(temp.dir).db;
    expect(() =>
      store.uow.transaction((r) => {
        r.users.insert(newUser('ada', '1'));
        r.cardChanges.record({ userId: 'x', field: 'primary', at: 1, kind: 'generated' });
        throw new Error('power cut');
      }),
    ).toThrow('power cut');
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM card_changes) + (SELECT count(*) FROM card_numbers)').pluck().get()).toBe(0);
    raw.close();
  });

  it('keeps the outbox off on a standalone kiosk and live after enrollment', () => {
    const command = { type: 'failed-attempt', userId: 'u1', at: 1 } as const;
    store.uow.transaction((r) => r.outbox.enqueue('k0', command));
    expect(store.outbox.pending()).toEqual([]);
    store.outbox.setLive(true);
    store.uow.transaction((r) => {
      r.outbox.enqueue('k1', command);
      r.outbox.enqueue('k1', command);
      r.outbox.enqueue('k2', { ...command, at: 2 });
    });
    expect(store.outbox.pending().map((p) => [p.idempotencyKey, p.command.at])).toEqual([['k1', 1], ['k2', 2]]);
    store.outbox.markFailed('k1', 'central store unreachable');
    store.outbox.markDelivered('k2');
    expect(store.outbox.pending()).toEqual([{ seq: 1, idempotencyKey: 'k1', command, attempts: 1 }]);
  });

  it('drops the PIN hash of a pin-changed command once the central store has it, and keeps it until then (issue 11, finding 9)', () => {
    store.outbox.setLive(true);
    const pinHash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA';
    store.uow.transaction((r) => {
      r.outbox.enqueue('pin-1', { type: 'pin-changed', userId: 'u1', pinHash, at: 5 });
      r.outbox.enqueue('pin-2', { type: 'pin-changed', userId: 'u2', pinHash, at: 6 });
    });
    store.outbox.markDelivered('pin-1');
    const bodies = () => store.db.prepare('SELECT idempotency_key AS key, body FROM outbox ORDER BY seq').all() as { key: string; body: string }[];
    expect(bodies().find((row) => row.key === 'pin-1')!.body).not.toContain(pinHash);
    expect(JSON.parse(bodies().find((row) => row.key === 'pin-1')!.body)).toEqual({ type: 'pin-changed', userId: 'u1', at: 5 });
    expect(store.outbox.pending().map((p) => p.command)).toEqual([{ type: 'pin-changed', userId: 'u2', pinHash, at: 6 }]);
  });

  it('keeps small facts such as the sync cursor in kv', () => {
    expect(store.kv.get('sync.cursor')).toBeUndefined();
    store.kv.set('sync.cursor', '41');
    store.kv.set('sync.cursor', '42');
    expect(store.kv.get('sync.cursor')).toBe('42');
  });

  it('queries audit newest first, filtered by user and time', () => {
    const event = (id: string, at: number, userId: string | null) => ({
      id, at, kind: 'auth.card' as const, outcome: 'success' as const, userId, username: userId, kioskId: null, code: null, details: {},
    });
    store.uow.transaction((r) => {
      r.audit.append(event('e1', 10, 'u1'));
      r.audit.append(event('e2', 20, 'u2'));
      r.audit.append(event('e3', 30, 'u1'));
    });
    expect(store.uow.repos.audit.query({ userId: 'u1' }).map((e) => e.id)).toEqual(['e3', 'e1']);
    expect(store.uow.repos.audit.query({ since: 15, until: 30 }).map((e) => e.id)).toEqual(['e2']);
    expect(store.uow.repos.audit.query({ limit: 1 }).map((e) => e.id)).toEqual(['e3']);
  });
});
