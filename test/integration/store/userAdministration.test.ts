import type { NewUser } from '../../../src/core/index.js';
import { kioskPaths, openKioskStore, type KioskStore } from '../../../src/store/index.js';
import { manualClock } from '../../support/domainFakes.js';
import { tempDataDir } from '../../support/domainStore.js';

// Shaped like an argon2id PHC string, so the test can see whether it ever reaches the audit.
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$c29tZWhhc2hzb21laGFzaA';
const ACTOR = { username: 'cli', kioskId: null };

const ada: NewUser = { username: 'ada', displayName: 'Ada', email: '', primaryCard: '0042', secondaryCard: '77', pinHash: HASH };

describe('store.administerUser: one user changed and audited in one transaction', () => {
  let temp: ReturnType<typeof tempDataDir>;
  let store: KioskStore;
  const clock = manualClock(1_700_000_000_000);
  beforeEach(() => {
    temp = tempDataDir();
    store = openKioskStore({ file: kioskPaths(temp.dir).db, clock });
    store.uow.transaction((r) => r.users.insert(ada));
  });
  afterEach(() => {
    store.close();
    temp.remove();
  });

  const adaNow = () => store.uow.repos.users.findByUsername('ada')!;
  const auditKinds = () => store.uow.repos.audit.query().map((event) => event.kind);

  it('unlock clears the failed count and the lock, audited as user.unlocked by the actor', () => {
    store.uow.transaction((r) => r.users.update({ ...adaNow(), failedAttempts: 5, lockedUntil: clock.now() + 60_000 }));
    const result = store.administerUser('ada', 'unlock', ACTOR);
    expect(result).toMatchObject({ ok: true, value: { changed: true, user: { username: 'ada', lockedUntil: null } } });
    expect(adaNow()).toMatchObject({ failedAttempts: 0, lockedUntil: null, pinHash: HASH });
    expect(store.uow.repos.audit.query()).toEqual([expect.objectContaining({ kind: 'user.unlocked', outcome: 'success', username: 'ada', details: { by: 'cli' } })]);
  });

  it('disable and enable flip the flag, audited as user.update naming the field', () => {
    expect(store.administerUser('ada', 'disable', ACTOR)).toMatchObject({ ok: true, value: { changed: true, user: { disabled: true } } });
    expect(adaNow().disabled).toBe(true);
    expect(store.administerUser('ada', 'enable', ACTOR)).toMatchObject({ ok: true, value: { changed: true, user: { disabled: false } } });
    expect(adaNow().disabled).toBe(false);
    const details = store.uow.repos.audit.query().map((event) => [event.kind, event.details]);
    expect(details).toEqual(expect.arrayContaining([
      ['user.update', { fields: 'disabled', disabled: true, by: 'cli' }],
      ['user.update', { fields: 'disabled', disabled: false, by: 'cli' }],
    ]));
  });

  it('pin-reset clears the PIN hash and any lock; the audit row holds no hash', () => {
    store.uow.transaction((r) => r.users.update({ ...adaNow(), failedAttempts: 2 }));
    expect(store.administerUser('ada', 'pin-reset', ACTOR)).toMatchObject({ ok: true, value: { changed: true, user: { hasPin: false } } });
    expect(adaNow()).toMatchObject({ pinHash: null, failedAttempts: 0, lockedUntil: null });
    expect(auditKinds()).toEqual(['pin.reset']);
    expect(JSON.stringify(store.uow.repos.audit.query())).not.toContain('$argon2');
  });

  it('delete removes the user and frees both Card/ID numbers for anyone', () => {
    const result = store.administerUser('ada', 'delete', ACTOR);
    expect(result).toMatchObject({ ok: true, value: { changed: true, user: { username: 'ada', primaryCard: '0042', secondaryCard: '77' } } });
    expect(store.uow.repos.users.findByUsername('ada')).toBeUndefined();
    expect(store.uow.repos.users.isCardTaken('0042')).toBe(false);
    expect(store.db.prepare('SELECT count(*) FROM card_numbers').pluck().get()).toBe(0);
    store.uow.transaction((r) => r.users.insert({ ...ada, username: 'bea', primaryCard: '77', secondaryCard: '0042', pinHash: null }));
    expect(store.uow.repos.users.findByCard('0042')?.username).toBe('bea');
    expect(store.uow.repos.audit.query()).toEqual([expect.objectContaining({ kind: 'user.delete', username: 'ada', userId: expect.any(String) })]);
  });

  it('a change that is already in force writes nothing and audits nothing', () => {
    const version = adaNow().version;
    expect(store.administerUser('ada', 'enable', ACTOR)).toMatchObject({ ok: true, value: { changed: false } });
    expect(store.administerUser('ada', 'unlock', ACTOR)).toMatchObject({ ok: true, value: { changed: false } });
    expect(adaNow().version).toBe(version);
    expect(auditKinds()).toEqual([]);
  });

  it('an unknown username answers not-found and changes nothing', () => {
    for (const action of ['unlock', 'disable', 'enable', 'pin-reset', 'delete'] as const) {
      expect(store.administerUser('nobody', action, ACTOR)).toEqual({ ok: false, error: 'not-found' });
    }
    expect(store.uow.repos.users.count()).toBe(1);
    expect(auditKinds()).toEqual([]);
  });

  it('a failing audit write rolls the change back (one transaction)', () => {
    store.db.exec('CREATE TRIGGER no_audit BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, \'audit refused\'); END');
    expect(() => store.administerUser('ada', 'delete', ACTOR)).toThrow(/audit refused/);
    expect(store.uow.repos.users.findByUsername('ada')?.primaryCard).toBe('0042');
    expect(() => store.administerUser('ada', 'disable', ACTOR)).toThrow(/audit refused/);
    expect(adaNow().disabled).toBe(false);
  });
});
