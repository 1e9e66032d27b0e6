import type { AuditEvent } from '../../../src/core/index.js';
import { TechnicianAccess } from '../../../src/host/technician/technicianAccess.js';
import { manualClock } from '../../support/domainFakes.js';
import { cryptoRandom, memoryConfig, memoryLockStore, technicianPinHasher } from '../../support/technicianDoubles.js';

const hasher = technicianPinHasher();
let pinHash = '';
beforeAll(async () => {
  pinHash = await hasher.hash('314159');
});

function setup(config: Record<string, unknown> = {}) {
  const audit: AuditEvent[] = [];
  const clock = manualClock(Date.UTC(2026, 10, 29, 8));
  const lockStore = memoryLockStore(audit);
  const settings = memoryConfig({ 'technician.pin-hash': pinHash, ...config });
  const access = new TechnicianAccess({
    config: settings, pinHasher: hasher, lockStore, clock, random: cryptoRandom, kioskId: 'kiosk-7',
    audit: { append: (event) => audit.push(event) },
  });
  return { access, audit, clock, lockStore, settings };
}

describe('technician access', () => {
  it('opens technician mode with the right PIN after the keypad was requested, and audits the entry', async () => {
    const { access, audit } = setup();
    expect(access.requestEntry('corner').ok).toBe(true);
    expect(access.phase).toBe('pin');
    expect((await access.enter('314159')).ok).toBe(true);
    expect(access.phase).toBe('active');
    expect(audit.map((e) => [e.kind, e.outcome, e.details.via])).toEqual([['technician.enter', 'success', 'corner']]);
    access.leave('idle');
    expect(access.phase).toBe('off');
    expect(audit.at(-1)).toMatchObject({ kind: 'technician.exit', details: { reason: 'idle' }, kioskId: 'kiosk-7' });
  });

  it('refuses a PIN before the keypad was opened', async () => {
    const { access } = setup();
    const result = await access.enter('314159');
    expect(result.ok ? null : result.error.code).toBe('wrong-step');
    expect(access.phase).toBe('off');
  });

  it('cannot be entered while no technician PIN is configured', () => {
    const { access } = setup({ 'technician.pin-hash': '' });
    const result = access.requestEntry('corner');
    expect(result.ok ? null : result.error.code).toBe('not-found');
    expect(access.pinConfigured()).toBe(false);
  });

  it('locks out after auth.max-failed-pin-attempts wrong PINs, for auth.lockout-minutes, counting attempts left', async () => {
    const { access, audit, clock } = setup({ 'auth.max-failed-pin-attempts': 3, 'auth.lockout-minutes': 10 });
    access.requestEntry('card');
    const first = await access.enter('000000');
    expect(first.ok ? null : first.error).toMatchObject({ code: 'wrong-pin', details: { attemptsLeft: 2 } });
    await access.enter('111111');
    const third = await access.enter('222222');
    expect(third.ok ? null : third.error).toMatchObject({ code: 'locked-out', details: { lockedUntil: clock.now() + 10 * 60_000 } });
    expect(access.phase).toBe('off');
    // Even the right PIN is refused while the lock lasts.
    const again = access.requestEntry('corner');
    expect(again.ok ? null : again.error.code).toBe('locked-out');
    expect(audit.filter((e) => e.outcome === 'failure').map((e) => e.code)).toEqual(['wrong-pin', 'wrong-pin', 'locked-out']);
    expect(audit.every((e) => e.details.via === 'card')).toBe(true);
    clock.advance(10 * 60_000);
    expect(access.requestEntry('corner').ok).toBe(true);
    expect((await access.enter('314159')).ok).toBe(true);
  });

  it('lets the right PIN reset the count of wrong ones', async () => {
    const { access, lockStore } = setup({ 'auth.max-failed-pin-attempts': 3 });
    access.requestEntry('corner');
    await access.enter('000000');
    await access.enter('000001');
    expect(lockStore.lock.failedAttempts).toBe(2);
    await access.enter('314159');
    expect(lockStore.lock).toEqual({ failedAttempts: 0, lockedUntil: null });
  });

  it('counts two attempts made at once one after the other', async () => {
    const { access, lockStore } = setup({ 'auth.max-failed-pin-attempts': 2 });
    access.requestEntry('corner');
    const results = await Promise.all([access.enter('1'), access.enter('2'), access.enter('314159')]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['wrong-pin', 'locked-out', 'wrong-step']);
    expect(lockStore.lock.failedAttempts).toBe(2);
  });

  it('keeps PINs and the hash out of every audit row', async () => {
    const { access, audit } = setup();
    access.requestEntry('corner');
    await access.enter('271828');
    await access.enter('314159');
    const text = JSON.stringify(audit);
    expect(text).not.toContain('271828');
    expect(text).not.toContain('314159');
    expect(text).not.toContain('$argon2');
  });

  it('recognises technician cards from technician.card-numbers', () => {
    const { access } = setup({ 'technician.card-numbers': '0004521337, A1B2' });
    expect(access.isTechnicianCard('0004521337')).toBe(true);
    expect(access.isTechnicianCard('A1B2')).toBe(true);
    expect(access.isTechnicianCard('4521337')).toBe(false);
  });
});

describe('technician configuration keys', () => {
  it('accepts only an argon2id hash (or nothing) as the technician PIN, without echoing what was given', () => {
    const config = memoryConfig();
    expect(() => config.set('technician.pin-hash', pinHash)).not.toThrow();
    expect(() => config.set('technician.pin-hash', '1234')).toThrow(/Invalid value given for technician.pin-hash/);
    expect(() => config.set('technician.pin-hash', '$argon2i$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA')).toThrow(/argon2id/);
    expect(() => config.set('technician.card-numbers', '12 34')).toThrow(/technician.card-numbers/);
    expect(() => config.set('technician.idle-timeout-seconds', 5)).toThrow(/from 30 to 3600/);
  });
});
