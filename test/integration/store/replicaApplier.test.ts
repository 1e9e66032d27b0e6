import type { User } from '../../../src/core/index.js';
import { kioskPaths, openKioskStore, type KioskStore } from '../../../src/store/index.js';
import { createReplicaApplier, SYNC_CURSOR_KEY, type ReplicaApplier } from '../../../src/store/replicaApplier.js';
import { tempDataDir } from '../../support/domainStore.js';

const HASH_A = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g';
const HASH_B = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$YmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmI';

function user(id: string, fields: Partial<User> = {}): User {
  return {
    id, username: id, displayName: id.toUpperCase(), email: '', primaryCard: null, secondaryCard: null, pinHash: HASH_A,
    disabled: false, failedAttempts: 0, lockedUntil: null, version: 1, updatedAt: 1, ...fields,
  };
}

describe('replica applier (pulled pages into the kiosk store)', () => {
  let data: ReturnType<typeof tempDataDir>;
  let store: KioskStore;
  let applier: ReplicaApplier;
  const opts = { myKioskId: 'kiosk-me', last: true };

  beforeEach(() => {
    data = tempDataDir('bk-replica-');
    store = openKioskStore({ file: kioskPaths(data.dir).db });
    store.outbox.setLive(true);
    applier = createReplicaApplier(store);
  });
  afterEach(() => {
    store.close();
    data.remove();
  });

  it('moves the cursor in the same transaction as the rows, and never backwards', () => {
    applier.applyPage([{ type: 'user', user: user('u1', { primaryCard: '100' }) }], 7, opts);
    expect(applier.cursor()).toBe(7);
    expect(store.uow.repos.users.findByCard('100')?.id).toBe('u1');
    applier.applyPage([], 5, opts);
    expect(store.kv.get(SYNC_CURSOR_KEY)).toBe('7');
    // A page that fails half-way leaves neither rows nor cursor behind.
    expect(() => applier.applyPage([{ type: 'user', user: user('u2') }, { type: 'user', user: { ...user('u3'), username: null as never } }], 9, opts)).toThrow();
    expect(store.uow.repos.users.findById('u2')).toBeUndefined();
    expect(applier.cursor()).toBe(7);
  });

  it('lets a stale local holder give up a username or Card/ID number the central store has given to someone else', () => {
    applier.applyPage([{ type: 'user', user: user('x', { username: 'bob', primaryCard: '111', secondaryCard: '222' }) }], 1, opts);
    // Later on the central store: x was renamed and lost card 111 to y; y's row comes first in the feed.
    applier.applyPage([{ type: 'user', user: user('y', { username: 'bob', primaryCard: '111' }) }], 3, { ...opts, last: false });
    expect(store.uow.repos.users.findByUsername('bob')?.id).toBe('y');
    expect(store.uow.repos.users.findByCard('111')?.id).toBe('y');
    expect(store.uow.repos.users.findByCard('222')?.id).toBe('x');
    applier.applyPage([{ type: 'user', user: user('x', { username: 'bobby', primaryCard: '333', secondaryCard: '222' }) }], 4, opts);
    expect(store.uow.repos.users.findById('x')).toMatchObject({ username: 'bobby', primaryCard: '333', secondaryCard: '222' });
    expect(store.uow.repos.users.findByCard('333')?.id).toBe('x');
  });

  it('swaps the primary and secondary numbers of one user', () => {
    applier.applyPage([{ type: 'user', user: user('u', { primaryCard: '1', secondaryCard: '2' }) }], 1, opts);
    applier.applyPage([{ type: 'user', user: user('u', { primaryCard: '2', secondaryCard: '1' }) }], 2, opts);
    expect(store.uow.repos.users.findByCard('2')).toMatchObject({ id: 'u', primaryCard: '2' });
  });

  it('replays commands still waiting in the outbox over pulled rows, so an offline PIN change keeps working', () => {
    applier.applyPage([{ type: 'user', user: user('u') }], 1, opts);
    store.uow.transaction((repos) => {
      repos.users.update({ ...repos.users.findById('u')!, pinHash: HASH_B });
      repos.outbox.enqueue('key-pin-1', { type: 'pin-changed', userId: 'u', pinHash: HASH_B, at: 10 });
      repos.outbox.enqueue('key-fail-1', { type: 'failed-attempt', userId: 'u', at: 11 });
    });
    applier.applyPage([{ type: 'user', user: user('u', { displayName: 'Renamed', version: 2 }) }], 2, opts);
    expect(store.uow.repos.users.findById('u')).toMatchObject({ displayName: 'Renamed', pinHash: HASH_B, failedAttempts: 1 });
    // Once delivered, the central store's row is the truth again.
    store.outbox.markDelivered('key-pin-1');
    store.outbox.markDelivered('key-fail-1');
    applier.applyPage([{ type: 'user', user: user('u', { version: 3 }) }], 3, opts);
    expect(store.uow.repos.users.findById('u')).toMatchObject({ pinHash: HASH_A, failedAttempts: 0 });
  });

  it("applies deletions, known configuration keys and other kiosks' Card/ID changes; skips its own and unknown keys", () => {
    applier.applyPage([{ type: 'user', user: user('u', { primaryCard: '5' }) }], 1, opts);
    applier.applyPage(
      [
        { type: 'config', name: 'pin.max-length', value: 6 },
        { type: 'config', name: 'some.future-key', value: true },
        { type: 'config', name: 'pin.min-length', value: 'not a number' },
        { type: 'card-change', userId: 'u', field: 'primary', kind: 'generated', at: 1000, kioskId: 'kiosk-other' },
        { type: 'card-change', userId: 'u', field: 'primary', kind: 'generated', at: 1001, kioskId: 'kiosk-me' },
        { type: 'user-deleted', userId: 'u' },
      ],
      9,
      opts,
    );
    expect(store.configValues()['pin.max-length']).toBe(6);
    expect(store.configValues()['pin.min-length']).toBe(4);
    expect(store.uow.repos.cardChanges.countSince('u', 0)).toBe(1);
    expect(store.uow.repos.users.findById('u')).toBeUndefined();
    expect(store.uow.repos.users.isCardTaken('5')).toBe(false);
  });

  it('a full sync starts from nothing and counts every Card/ID change, its own included', () => {
    applier.applyPage([{ type: 'user', user: user('old') }], 4, opts);
    store.uow.transaction((repos) => repos.outbox.enqueue('key-old', { type: 'login-succeeded', userId: 'old', at: 1 }));
    applier.beginFullSync();
    expect(applier.fullSyncInProgress()).toBe(true);
    expect(applier.cursor()).toBe(0);
    expect(store.uow.repos.users.count()).toBe(0);
    expect(store.outbox.pending(10)).toHaveLength(0);
    applier.applyPage([{ type: 'card-change', userId: 'n', field: 'primary', kind: 'manual', at: 5, kioskId: 'kiosk-me' }], 2, { ...opts, last: false });
    expect(applier.fullSyncInProgress()).toBe(true);
    applier.applyPage([{ type: 'user', user: user('n') }], 3, opts);
    expect(applier.fullSyncInProgress()).toBe(false);
    expect(store.uow.repos.cardChanges.countSince('n', 0)).toBe(1);
  });
});
