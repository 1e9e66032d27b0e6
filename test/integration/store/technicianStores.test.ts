import { readerProfileOf } from '../../../src/contract/index.js';
import { auditEvent } from '../../../src/core/index.js';
import { kioskPaths, openKioskStore, type KioskStore } from '../../../src/store/index.js';
import { cryptoRandomSource } from '../../../src/platform/index.js';
import { SqliteReaderProfiles } from '../../../src/store/sqliteReaderProfiles.js';
import { SqliteTechnicianLock } from '../../../src/store/sqliteTechnicianLock.js';
import { manualClock } from '../../support/domainFakes.js';
import { tempDataDir } from '../../support/domainStore.js';

const change = (n: number) =>
  auditEvent({ id: `a-${n}`, at: n, kind: 'technician.change', outcome: 'success', kioskId: 'k1', details: { what: 'reader-profile' } });

const rdm = { id: 'door', preset: 'rdm6300', path: '/dev/ttyUSB0', pipeline: 'substr:2|hex2dec|pad:10' };

describe('reader profile and technician lock in the kiosk store', () => {
  let temp: ReturnType<typeof tempDataDir>;
  let store: KioskStore;
  const clock = manualClock(Date.parse('2026-11-29T08:00:00Z'));
  beforeEach(() => {
    temp = tempDataDir();
    store = openKioskStore({ file: kioskPaths(temp.dir).db, clock });
  });
  afterEach(() => {
    store.close();
    temp.remove();
  });

  it('saves the profile with its audit row; a standalone kiosk queues nothing for the central store', () => {
    const profiles = new SqliteReaderProfiles(store, clock, cryptoRandomSource);
    expect(profiles.load()).toBeUndefined();
    expect(profiles.save(readerProfileOf([rdm]), change(1))).toEqual({ savedAt: clock.now(), central: 'standalone' });
    expect(profiles.load()).toEqual({ profile: readerProfileOf([rdm]), savedAt: clock.now(), savedBy: 'technician' });
    expect(store.uow.repos.audit.query({ kind: 'technician.change' })).toHaveLength(1);
    expect(store.outbox.pending()).toEqual([]);
  });

  it('on an enrolled kiosk, queues the profile for the central store in the same transaction', () => {
    store.outbox.setLive(true);
    const profiles = new SqliteReaderProfiles(store, clock, cryptoRandomSource);
    expect(profiles.save(readerProfileOf([rdm]), change(1)).central).toBe('queued');
    const [pending] = store.outbox.pending();
    expect(pending?.command).toEqual({ type: 'reader-profile', profile: JSON.stringify(readerProfileOf([rdm])), at: clock.now() });
    expect(pending?.idempotencyKey).toMatch(/^reader-profile:/);
  });

  it('keeps nothing when the audit row cannot be written (one transaction)', () => {
    store.outbox.setLive(true);
    const profiles = new SqliteReaderProfiles(store, clock, cryptoRandomSource);
    profiles.save(readerProfileOf([]), change(1));
    // The same audit id twice violates the audit table's UNIQUE id: the whole save rolls back.
    expect(() => profiles.save(readerProfileOf([rdm]), change(1))).toThrow(/UNIQUE/);
    expect(profiles.load()?.profile.readers).toEqual([]);
    expect(store.outbox.pending()).toHaveLength(1);
  });

  it('refuses to save a profile that breaks the schema', () => {
    const profiles = new SqliteReaderProfiles(store, clock, cryptoRandomSource);
    expect(() => profiles.save({ ...readerProfileOf([rdm, rdm]) }, change(1))).toThrow(/appears twice/);
    expect(profiles.load()).toBeUndefined();
  });

  it('remembers wrong technician PINs across a restart of the store', () => {
    const lock = new SqliteTechnicianLock(store);
    expect(lock.read()).toEqual({ failedAttempts: 0, lockedUntil: null });
    lock.write({ failedAttempts: 2, lockedUntil: null }, change(2));
    store.close();
    store = openKioskStore({ file: kioskPaths(temp.dir).db, clock });
    expect(new SqliteTechnicianLock(store).read()).toEqual({ failedAttempts: 2, lockedUntil: null });
    expect(store.uow.repos.audit.query({ kind: 'technician.change' })).toHaveLength(1);
  });

  it('keeps the technician PIN hash out of the config.set audit row', () => {
    const hash = '$argon2id$v=19$m=19456,p=1,t=2$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNo';
    expect(store.setConfig('technician.pin-hash', hash).ok).toBe(true);
    const [row] = store.uow.repos.audit.query({ kind: 'config.set' });
    expect(row?.details).toMatchObject({ key: 'technician.pin-hash', value: '(set)' });
    expect(JSON.stringify(row)).not.toContain('argon2');
    expect(store.configValues()['technician.pin-hash']).toBe(hash);
  });
});
