import { DAILY_LIMIT_MESSAGE } from '../../../src/core/index.js';
import { ScriptedCentralCardAuthority } from '../../support/domainCentralStandIn.js';
import { openKioskFixture, type KioskFixture } from '../../support/domainStore.js';

const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error!.code);

describe('SelfService Card/ID change on a standalone kiosk', () => {
  let kiosk: KioskFixture;
  beforeEach(async () => {
    kiosk = await openKioskFixture({ start: Date.parse('2026-05-04T08:00:00Z') });
  });
  afterEach(() => kiosk.close());

  it('allows the 3rd regeneration of the day and refuses the 4th with the exact message', async () => {
    const ada = await kiosk.addUser({ primaryCard: '1001', pin: '2580' });
    const numbers: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const result = await kiosk.service.regenerateCard(ada.id);
      expect(result).toMatchObject({ ok: true, value: { field: 'primary', changesLeftToday: 3 - i } });
      if (result.ok) numbers.push(result.value.cardNumber);
    }
    for (const n of numbers) expect(n).toMatch(/^[1-9][0-9]{7}$/);
    const fourth = await kiosk.service.regenerateCard(ada.id);
    expect(fourth.ok).toBe(false);
    if (fourth.ok) return;
    expect(fourth.error.code).toBe('daily-limit');
    expect(fourth.error.message).toBe(
      'Your ID number has been changed too many times. Please contact your system administrator for assistance.',
    );
    expect(kiosk.store.uow.repos.users.findById(ada.id)!.primaryCard).toBe(numbers[2]);
    expect(kiosk.store.uow.repos.users.findByCard('1001')).toBeUndefined();
    const audit = kiosk.store.uow.repos.audit.query({ kind: 'card.regenerate' });
    expect(audit.map((e) => e.outcome)).toEqual(['failure', 'success', 'success', 'success']);
    expect(audit[0]!.code).toBe('daily-limit');
  });

  it('takes the limit from user.can-change-card-id.num-times-per-day', async () => {
    kiosk.store.setConfig('user.can-change-card-id.num-times-per-day', '1');
    const ada = await kiosk.addUser({ primaryCard: '1002' });
    expect(codeOf(await kiosk.service.regenerateCard(ada.id))).toBe('ok');
    expect(codeOf(await kiosk.service.regenerateCard(ada.id))).toBe('daily-limit');
    kiosk.store.setConfig('user.can-change-card-id.num-times-per-day', '2');
    expect(codeOf(await kiosk.service.regenerateCard(ada.id))).toBe('ok');
    expect(kiosk.service.allowedActions(ada.id)).toMatchObject({ ok: true, value: { changesLeftToday: 0 } });
  });

  it('counts the site calendar day in site.timezone, so the count starts over at local midnight', async () => {
    kiosk.store.setConfig('site.timezone', 'America/New_York');
    kiosk.store.setConfig('user.can-change-card-id.num-times-per-day', '1');
    const ada = await kiosk.addUser({ primaryCard: '1003' });
    kiosk.clock.set(Date.parse('2026-05-05T03:30:00Z')); // 23:30 on 4 May in New York
    expect(codeOf(await kiosk.service.regenerateCard(ada.id))).toBe('ok');
    kiosk.clock.set(Date.parse('2026-05-05T03:59:59Z')); // still 4 May there, though 5 May in UTC
    expect(codeOf(await kiosk.service.regenerateCard(ada.id))).toBe('daily-limit');
    kiosk.clock.set(Date.parse('2026-05-05T04:00:00Z')); // midnight, 5 May, in New York
    expect(codeOf(await kiosk.service.regenerateCard(ada.id))).toBe('ok');
  });

  it('changes only the field user.change-card-id.which names', async () => {
    const ada = await kiosk.addUser({ primaryCard: '1004', secondaryCard: '2004' });
    kiosk.store.setConfig('user.change-card-id.which', 'secondary');
    const result = await kiosk.service.regenerateCard(ada.id);
    expect(result).toMatchObject({ ok: true, value: { field: 'secondary' } });
    const stored = kiosk.store.uow.repos.users.findById(ada.id)!;
    expect(stored.primaryCard).toBe('1004');
    expect(stored.secondaryCard).toBe(result.ok ? result.value.cardNumber : null);
    kiosk.store.setConfig('user.change-card-id.which', 'primary');
    const again = await kiosk.service.regenerateCard(ada.id);
    const after = kiosk.store.uow.repos.users.findById(ada.id)!;
    expect(after.secondaryCard).toBe(stored.secondaryCard);
    expect(after.primaryCard).toBe(again.ok ? again.value.cardNumber : 'not changed');
  });

  it('generates numbers of card-id.generated-length digits', async () => {
    kiosk.store.setConfig('card-id.generated-length', '12');
    const ada = await kiosk.addUser({ primaryCard: '1005' });
    expect(await kiosk.service.regenerateCard(ada.id)).toMatchObject({ ok: true, value: { cardNumber: expect.stringMatching(/^[1-9]\d{11}$/) } });
  });

  it('lets a user type a number only when auto-generate-only is off', async () => {
    const ada = await kiosk.addUser({ primaryCard: '1006' });
    expect(await kiosk.service.setCard(ada.id, '00551234')).toEqual({
      ok: false,
      error: { code: 'manual-card-not-allowed', message: 'Typing a Card/ID number is not allowed here; generate a new one instead.' },
    });
    kiosk.store.setConfig('user.change-card-id.auto-generate-only', 'false');
    expect(await kiosk.service.setCard(ada.id, ' 00551234 ')).toEqual({
      ok: true,
      value: { field: 'primary', cardNumber: '00551234', changesLeftToday: 2 },
    });
    expect(kiosk.store.uow.repos.users.findByCard('00551234')?.id).toBe(ada.id);
    expect(codeOf(await kiosk.service.setCard(ada.id, '12ab'))).toBe('invalid-card-number');
    expect(codeOf(await kiosk.service.setCard(ada.id, '123'))).toBe('invalid-card-number');
  });

  it('refuses a typed number any user holds in either field, including the user\u2019s own', async () => {
    kiosk.store.setConfig('user.change-card-id.auto-generate-only', 'false');
    const ada = await kiosk.addUser({ primaryCard: '1007', secondaryCard: '2007' });
    await kiosk.addUser({ primaryCard: '3007', secondaryCard: '4007' });
    for (const taken of ['3007', '4007', '2007', '1007']) {
      expect(await kiosk.service.setCard(ada.id, taken)).toEqual({
        ok: false,
        error: { code: 'card-in-use', message: 'This Card/ID number is already in use.' },
      });
    }
    expect(kiosk.store.uow.repos.cardChanges.countSince(ada.id, 0)).toBe(0);
  });

  it('is refused when user.allow-change-card-id is off, and for disabled users', async () => {
    const ada = await kiosk.addUser({ primaryCard: '1008' });
    const bob = await kiosk.addUser({ primaryCard: '1009', disabled: true });
    expect(codeOf(await kiosk.service.regenerateCard(bob.id))).toBe('user-disabled');
    kiosk.store.setConfig('user.allow-change-card-id', 'false');
    expect(codeOf(await kiosk.service.regenerateCard(ada.id))).toBe('card-change-not-allowed');
    expect(kiosk.service.allowedActions(ada.id)).toMatchObject({ ok: true, value: { changeCardId: false } });
  });
});

describe('SelfService Card/ID change on an enrolled kiosk', () => {
  let kiosk: KioskFixture;
  let central: ScriptedCentralCardAuthority;
  beforeEach(async () => {
    central = new ScriptedCentralCardAuthority();
    kiosk = await openKioskFixture({ central });
  });
  afterEach(() => kiosk.close());

  it('asks the central store and applies its number locally', async () => {
    const ada = await kiosk.addUser({ primaryCard: '1001' });
    central.answer({ ok: true, value: { cardNumber: '73730001' } });
    expect(await kiosk.service.regenerateCard(ada.id)).toEqual({ ok: true, value: { field: 'primary', cardNumber: '73730001', changesLeftToday: 2 } });
    expect(central.requests).toEqual([{ idempotencyKey: expect.any(String), userId: ada.id, field: 'primary', manualNumber: null }]);
    expect(kiosk.store.uow.repos.users.findByCard('73730001')?.id).toBe(ada.id);
  });

  it('passes the central store\u2019s refusals through, central-unreachable and the daily limit included', async () => {
    const ada = await kiosk.addUser({ primaryCard: '1002' });
    central.answer({ ok: false, error: { code: 'central-unreachable', message: 'The central store cannot be reached. Try again later.' } });
    central.answer({ ok: false, error: { code: 'daily-limit', message: DAILY_LIMIT_MESSAGE } });
    expect(await kiosk.service.regenerateCard(ada.id)).toMatchObject({ ok: false, error: { code: 'central-unreachable' } });
    expect(await kiosk.service.regenerateCard(ada.id)).toEqual({ ok: false, error: { code: 'daily-limit', message: DAILY_LIMIT_MESSAGE } });
    expect(kiosk.store.uow.repos.users.findById(ada.id)!.primaryCard).toBe('1002');
  });

  it('sends a typed number to the central store, and takes it from a stale local holder', async () => {
    kiosk.store.setConfig('user.change-card-id.auto-generate-only', 'false');
    kiosk.store.setConfig('user.change-card-id.which', 'secondary');
    const ada = await kiosk.addUser({ primaryCard: '1003' });
    const bob = await kiosk.addUser({ primaryCard: '1004', secondaryCard: '5555' });
    central.answer({ ok: true, value: { cardNumber: '60606060' } });
    expect(codeOf(await kiosk.service.setCard(ada.id, '60606060'))).toBe('ok');
    expect(central.requests[0]).toMatchObject({ field: 'secondary', manualNumber: '60606060' });
    // The central store assigned bob's old 5555 to ada (bob changed it elsewhere; the pull has not arrived yet).
    central.answer({ ok: true, value: { cardNumber: '5555' } });
    expect(codeOf(await kiosk.service.regenerateCard(ada.id))).toBe('ok');
    expect(kiosk.store.uow.repos.users.findByCard('5555')?.id).toBe(ada.id);
    expect(kiosk.store.uow.repos.users.findById(bob.id)).toMatchObject({ primaryCard: '1004', secondaryCard: null });
  });

  it('refuses locally first when this kiosk already counts the day\u2019s limit, without asking', async () => {
    kiosk.store.setConfig('user.can-change-card-id.num-times-per-day', '1');
    const ada = await kiosk.addUser({ primaryCard: '1005' });
    central.answer({ ok: true, value: { cardNumber: '70000001' } });
    expect(codeOf(await kiosk.service.regenerateCard(ada.id))).toBe('ok');
    expect(codeOf(await kiosk.service.regenerateCard(ada.id))).toBe('daily-limit');
    expect(central.requests).toHaveLength(1);
  });
});
