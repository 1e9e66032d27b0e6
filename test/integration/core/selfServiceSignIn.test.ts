import { openKioskFixture, type KioskFixture } from '../../support/domainStore.js';

describe('SelfService sign-in on a real store with real argon2', () => {
  let kiosk: KioskFixture;
  beforeEach(async () => {
    kiosk = await openKioskFixture();
  });
  afterEach(() => kiosk.close());

  const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error!.code);

  describe('identify a swiped card', () => {
    it('asks for the PIN of a known card, by primary or secondary number', async () => {
      const ada = await kiosk.addUser({ username: 'ada', primaryCard: '0042', secondaryCard: '777', pin: '2580' });
      for (const card of ['0042', '777']) {
        const result = await kiosk.service.identifyCard(card);
        expect(result).toMatchObject({ ok: true, value: { next: 'enter-pin', user: { id: ada.id, username: 'ada', hasPin: true } } });
      }
      expect(JSON.stringify(await kiosk.service.identifyCard('0042'))).not.toContain('argon2');
    });

    it('says "card not recognised" for an unknown card and audits it', async () => {
      const result = await kiosk.service.identifyCard('99999');
      expect(result).toEqual({ ok: false, error: { code: 'unknown-card', message: 'Card not recognised.' } });
      expect(kiosk.store.uow.repos.audit.query()[0]).toMatchObject({ kind: 'auth.card', outcome: 'failure', code: 'unknown-card', kioskId: 'kiosk-test' });
    });

    it('leads a user without a PIN to first-PIN setup', async () => {
      await kiosk.addUser({ primaryCard: '5001' });
      expect(await kiosk.service.identifyCard('5001')).toMatchObject({ ok: true, value: { next: 'set-pin' } });
    });

    it('signs in without a PIN when auth.pin-required-for-card is off', async () => {
      await kiosk.addUser({ primaryCard: '5002', pin: '2580' });
      kiosk.store.setConfig('auth.pin-required-for-card', 'false');
      expect(await kiosk.service.identifyCard('5002')).toMatchObject({ ok: true, value: { next: 'signed-in' } });
    });

    it('refuses a disabled user', async () => {
      await kiosk.addUser({ primaryCard: '5003', pin: '2580', disabled: true });
      expect(codeOf(await kiosk.service.identifyCard('5003'))).toBe('user-disabled');
    });
  });

  describe('authenticate with card or typed ID plus PIN', () => {
    it('signs in with the right PIN and says what the home screen may offer', async () => {
      const ada = await kiosk.addUser({ username: 'ada', primaryCard: '1001', pin: '2580' });
      const result = await kiosk.service.authenticate({ via: 'card', cardNumber: '1001' }, '2580');
      expect(result).toEqual({
        ok: true,
        value: {
          user: expect.objectContaining({ id: ada.id, username: 'ada' }),
          allowed: { changePin: true, changeCardId: true, cardField: 'primary', manualCardEntry: false, changesLeftToday: 3 },
        },
      });
      expect((await kiosk.service.authenticate({ via: 'id', cardNumber: '1001' }, '2580')).ok).toBe(true);
      expect(kiosk.store.uow.repos.audit.query().map((e) => [e.kind, e.outcome])).toEqual([
        ['auth.id', 'success'],
        ['auth.card', 'success'],
      ]);
    });

    it('answers a wrong PIN after a swipe with the attempts left', async () => {
      await kiosk.addUser({ primaryCard: '1002', pin: '2580' });
      const result = await kiosk.service.authenticate({ via: 'card', cardNumber: '1002' }, '1397');
      expect(result).toEqual({
        ok: false,
        error: { code: 'wrong-pin', message: 'Wrong PIN. 4 attempts left before the account is locked.', details: { attemptsLeft: 4 } },
      });
    });

    it('gives a typed unknown ID and a wrong PIN after a typed ID the same answer', async () => {
      await kiosk.addUser({ primaryCard: '1003', pin: '2580' });
      kiosk.store.setConfig('auth.typed-id-max-delay-seconds', '0');
      const unknown = await kiosk.service.authenticate({ via: 'id', cardNumber: '4040' }, '2580');
      const wrongPin = await kiosk.service.authenticate({ via: 'id', cardNumber: '1003' }, '1397');
      expect(unknown).toEqual(wrongPin);
      expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-credentials' } });
    });

    it('costs one argon2 verify for an unknown card or ID, as for a wrong PIN', async () => {
      await kiosk.addUser({ primaryCard: '1004', pin: '2580' });
      const calls = kiosk.hasher.calls;
      await kiosk.service.authenticate({ via: 'card', cardNumber: '4041' }, '2580');
      expect(calls).toMatchObject({ verify: 0, verifyDummy: 1 });
      await kiosk.service.authenticate({ via: 'id', cardNumber: '4042' }, '2580');
      expect(calls).toMatchObject({ verify: 0, verifyDummy: 2 });
      await kiosk.service.authenticate({ via: 'card', cardNumber: '1004' }, '1397');
      expect(calls).toMatchObject({ verify: 1, verifyDummy: 2 });
      await kiosk.service.authenticate({ via: 'card', cardNumber: 'not a card!' }, '2580');
      expect(calls).toMatchObject({ verify: 1, verifyDummy: 3 });
    });

    it('refuses a disabled user after the same verify cost', async () => {
      await kiosk.addUser({ primaryCard: '1005', pin: '2580', disabled: true });
      expect(codeOf(await kiosk.service.authenticate({ via: 'card', cardNumber: '1005' }, '2580'))).toBe('user-disabled');
      expect(codeOf(await kiosk.service.authenticate({ via: 'id', cardNumber: '1005' }, '2580'))).toBe('user-disabled');
      expect(codeOf(await kiosk.service.authenticate({ via: 'id', cardNumber: '1005' }, '1397'))).toBe('invalid-credentials');
    });

    it('refuses an absurdly long PIN before any lookup', async () => {
      expect(codeOf(await kiosk.service.authenticate({ via: 'card', cardNumber: '1' }, '1'.repeat(65)))).toBe('invalid-input');
    });
  });

  describe('lockout after auth.max-failed-pin-attempts', () => {
    it('locks after N failures for auth.lockout-minutes, then releases', async () => {
      kiosk.store.setConfig('auth.max-failed-pin-attempts', '3');
      kiosk.store.setConfig('auth.lockout-minutes', '10');
      await kiosk.addUser({ primaryCard: '2001', pin: '2580' });
      const card = { via: 'card', cardNumber: '2001' } as const;
      expect(await kiosk.service.authenticate(card, '1111')).toMatchObject({ error: { details: { attemptsLeft: 2 } } });
      expect(await kiosk.service.authenticate(card, '1111')).toMatchObject({ error: { details: { attemptsLeft: 1 } } });
      const locking = await kiosk.service.authenticate(card, '1111');
      const lockedUntil = kiosk.clock.now() + 10 * 60_000;
      expect(locking).toEqual({
        ok: false,
        error: { code: 'locked-out', message: 'Too many wrong PINs. Try again in 10 minutes.', details: { lockedUntil, minutesLeft: 10 } },
      });
      // Even the right PIN is refused while locked, and is not checked.
      const verifies = kiosk.hasher.calls.verify;
      expect(await kiosk.service.authenticate(card, '2580')).toMatchObject({ error: { code: 'locked-out', details: { lockedUntil } } });
      expect(kiosk.hasher.calls.verify).toBe(verifies);
      expect(codeOf(await kiosk.service.identifyCard('2001'))).toBe('locked-out');
      kiosk.clock.advance(10 * 60_000 - 1);
      expect(codeOf(await kiosk.service.authenticate(card, '2580'))).toBe('locked-out');
      kiosk.clock.advance(1);
      expect(codeOf(await kiosk.service.authenticate(card, '2580'))).toBe('ok');
      expect(kiosk.store.uow.repos.users.findByCard('2001')).toMatchObject({ failedAttempts: 0, lockedUntil: null });
      expect(kiosk.store.uow.repos.audit.query({ kind: 'user.locked' })).toHaveLength(1);
    });

    it('starts the count over after a successful sign-in', async () => {
      await kiosk.addUser({ primaryCard: '2002', pin: '2580' });
      const card = { via: 'card', cardNumber: '2002' } as const;
      await kiosk.service.authenticate(card, '1111');
      await kiosk.service.authenticate(card, '1111');
      await kiosk.service.authenticate(card, '2580');
      expect(await kiosk.service.authenticate(card, '1111')).toMatchObject({ error: { details: { attemptsLeft: 4 } } });
    });

    it('locks a typed ID too, after answering invalid-credentials until then', async () => {
      kiosk.store.setConfig('auth.max-failed-pin-attempts', '2');
      kiosk.store.setConfig('auth.typed-id-max-delay-seconds', '0');
      await kiosk.addUser({ primaryCard: '2003', pin: '2580' });
      const id = { via: 'id', cardNumber: '2003' } as const;
      expect(codeOf(await kiosk.service.authenticate(id, '1111'))).toBe('invalid-credentials');
      expect(codeOf(await kiosk.service.authenticate(id, '1111'))).toBe('locked-out');
    });
  });

  describe('first PIN', () => {
    it('is set after a swipe, under the PIN policy, and signs the user in', async () => {
      await kiosk.addUser({ primaryCard: '3001' });
      const card = { via: 'card', cardNumber: '3001' } as const;
      expect(await kiosk.service.setFirstPin(card, '1234', '1234')).toMatchObject({ error: { code: 'pin-policy', details: { rule: 'sequence' } } });
      expect(codeOf(await kiosk.service.setFirstPin(card, '2580', '2581'))).toBe('pin-mismatch');
      expect(await kiosk.service.setFirstPin(card, '2580', '2580')).toMatchObject({ ok: true, value: { user: { hasPin: true } } });
      expect(codeOf(await kiosk.service.setFirstPin(card, '3690', '3690'))).toBe('pin-already-set');
      expect(codeOf(await kiosk.service.authenticate(card, '2580'))).toBe('ok');
    });

    it('is refused after a typed ID unless auth.allow-new-pin-for-typed-id is on', async () => {
      await kiosk.addUser({ primaryCard: '3002' });
      kiosk.store.setConfig('auth.typed-id-max-delay-seconds', '0');
      const id = { via: 'id', cardNumber: '3002' } as const;
      expect(await kiosk.service.setFirstPin(id, '2580', '2580')).toEqual({
        ok: false,
        error: { code: 'new-pin-needs-card', message: 'Swipe your card to set your first PIN.' },
      });
      // The same answer for an ID nobody holds: the refusal does not reveal that 3002 exists.
      expect(await kiosk.service.setFirstPin({ via: 'id', cardNumber: '4049' }, '2580', '2580')).toMatchObject({ error: { code: 'new-pin-needs-card' } });
      expect(codeOf(await kiosk.service.authenticate(id, '2580'))).toBe('invalid-credentials');
      kiosk.store.setConfig('auth.allow-new-pin-for-typed-id', 'true');
      expect(codeOf(await kiosk.service.authenticate(id, '2580'))).toBe('pin-not-set');
      expect(codeOf(await kiosk.service.setFirstPin(id, '2580', '2580'))).toBe('ok');
    });

    it('is not offered to a swiped card holder through authenticate: pin-not-set', async () => {
      await kiosk.addUser({ primaryCard: '3003' });
      expect(codeOf(await kiosk.service.authenticate({ via: 'card', cardNumber: '3003' }, '2580'))).toBe('pin-not-set');
    });
  });
});
