import { openKioskFixture, type KioskFixture } from '../../support/domainStore.js';

describe('SelfService change PIN', () => {
  let kiosk: KioskFixture;
  beforeEach(async () => {
    kiosk = await openKioskFixture();
  });
  afterEach(() => kiosk.close());
  const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error!.code);

  it('changes the PIN with the current PIN and the new one twice', async () => {
    const ada = await kiosk.addUser({ primaryCard: '1001', pin: '2580' });
    expect(await kiosk.service.changePin(ada.id, '2580', '3691', '3691')).toEqual({ ok: true, value: undefined });
    expect(codeOf(await kiosk.service.authenticate({ via: 'card', cardNumber: '1001' }, '2580'))).toBe('wrong-pin');
    expect(codeOf(await kiosk.service.authenticate({ via: 'card', cardNumber: '1001' }, '3691'))).toBe('ok');
    expect(kiosk.store.uow.repos.audit.query({ kind: 'pin.change' })[0]).toMatchObject({ outcome: 'success', userId: ada.id });
  });

  it('applies the policy: pin.min-length, runs, and not the current PIN', async () => {
    const ada = await kiosk.addUser({ primaryCard: '1002', pin: '2580' });
    kiosk.store.setConfig('pin.min-length', '6');
    expect(await kiosk.service.changePin(ada.id, '2580', '3691', '3691')).toMatchObject({ error: { code: 'pin-policy', details: { rule: 'min-length' } } });
    expect(await kiosk.service.changePin(ada.id, '2580', '987654', '987654')).toMatchObject({ error: { details: { rule: 'sequence' } } });
    kiosk.store.setConfig('pin.min-length', '4');
    expect(await kiosk.service.changePin(ada.id, '2580', '2580', '2580')).toMatchObject({ error: { details: { rule: 'same-as-current' } } });
    expect(codeOf(await kiosk.service.changePin(ada.id, '2580', '3691', '3692'))).toBe('pin-mismatch');
  });

  it('counts a wrong current PIN towards the lockout', async () => {
    kiosk.store.setConfig('auth.max-failed-pin-attempts', '2');
    const ada = await kiosk.addUser({ primaryCard: '1003', pin: '2580' });
    expect(await kiosk.service.changePin(ada.id, '1397', '3691', '3691')).toMatchObject({ error: { code: 'wrong-pin', details: { attemptsLeft: 1 } } });
    expect(codeOf(await kiosk.service.changePin(ada.id, '1397', '3691', '3691'))).toBe('locked-out');
    expect(codeOf(await kiosk.service.changePin(ada.id, '2580', '3691', '3691'))).toBe('locked-out');
  });

  it('checks the current PIN alone: right changes nothing, wrong counts towards the lockout like changePin', async () => {
    kiosk.store.setConfig('auth.max-failed-pin-attempts', '2');
    const ada = await kiosk.addUser({ primaryCard: '1007', pin: '2580' });
    const before = kiosk.store.uow.repos.users.findById(ada.id)!;
    expect(await kiosk.service.checkCurrentPin(ada.id, '2580')).toEqual({ ok: true, value: undefined });
    expect(kiosk.store.uow.repos.users.findById(ada.id)!.pinHash).toBe(before.pinHash);
    expect(await kiosk.service.checkCurrentPin(ada.id, '1397')).toMatchObject({ error: { code: 'wrong-pin', details: { attemptsLeft: 1 } } });
    expect(codeOf(await kiosk.service.checkCurrentPin(ada.id, '1397'))).toBe('locked-out');
    expect(codeOf(await kiosk.service.checkCurrentPin(ada.id, '2580'))).toBe('locked-out');
  });

  it('is refused when user.allow-change-pin is off, for an unknown user, and without a PIN', async () => {
    const ada = await kiosk.addUser({ primaryCard: '1004', pin: '2580' });
    const bob = await kiosk.addUser({ primaryCard: '1005' });
    expect(codeOf(await kiosk.service.changePin('no-such-id', '2580', '3691', '3691'))).toBe('not-found');
    expect(codeOf(await kiosk.service.changePin(bob.id, '2580', '3691', '3691'))).toBe('pin-not-set');
    kiosk.store.setConfig('user.allow-change-pin', 'false');
    expect(await kiosk.service.changePin(ada.id, '2580', '3691', '3691')).toEqual({
      ok: false,
      error: { code: 'pin-change-not-allowed', message: 'Changing the PIN is turned off at this site.' },
    });
  });

  it('queues PIN changes, failed attempts and sign-ins for the central store once the outbox is live', async () => {
    const ada = await kiosk.addUser({ primaryCard: '1006', pin: '2580' });
    await kiosk.service.authenticate({ via: 'card', cardNumber: '1006' }, '1397');
    expect(kiosk.store.outbox.pending()).toEqual([]);
    kiosk.store.outbox.setLive(true);
    await kiosk.service.authenticate({ via: 'card', cardNumber: '1006' }, '1397');
    await kiosk.service.authenticate({ via: 'card', cardNumber: '1006' }, '2580');
    await kiosk.service.changePin(ada.id, '2580', '3691', '3691');
    const pending = kiosk.store.outbox.pending();
    expect(pending.map((p) => p.command.type)).toEqual(['failed-attempt', 'login-succeeded', 'pin-changed']);
    const stored = kiosk.store.uow.repos.users.findById(ada.id)!;
    expect(pending[2]!.command).toEqual({ type: 'pin-changed', userId: ada.id, pinHash: stored.pinHash, at: kiosk.clock.now() });
    expect(new Set(pending.map((p) => p.idempotencyKey)).size).toBe(3);
  });
});
