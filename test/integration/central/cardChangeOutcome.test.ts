import { CARD_CHANGE_UNCONFIRMED_MESSAGE, CENTRAL_UNREACHABLE_MESSAGE } from '../../../src/sync/index.js';
import { requestCardChangeOutcome } from '../../../src/sync/cardChangeRequest.js';
import { CentralHttpClient } from '../../../src/sync/centralHttpClient.js';
import type { SelfService } from '../../../src/core/index.js';
import { enrollTestKiosk, type TestKiosk } from '../../support/centralKiosk.js';
import { eventually, freePort, startCentralWithAdmin, type AdminSession, type CentralWithAdmin } from '../../support/centralProcess.js';
import { startFaultProxy, type FaultProxy } from '../../support/faultProxy.js';

// Issue 11, finding 1: a Card/ID change the central store made must never be shown as failed.
// A real central process (SQLite) behind a fault-injecting proxy that loses or delays its answers.
const PUSH = { method: 'POST', path: /^\/api\/v1\/kiosk\/commands$/, body: /card-change-request/ } as const;
const OUTCOME = { method: 'GET', path: /^\/api\/v1\/kiosk\/commands\/[^/]+$/ } as const;

describe('a Card/ID change whose answer is lost or late (issue 11, finding 1)', () => {
  let site: CentralWithAdmin;
  let proxy: FaultProxy;
  let admin: AdminSession;
  let kiosk: TestKiosk;
  let serial = 0;

  async function newUser(): Promise<{ id: string; card: string }> {
    serial += 1;
    const card = String(77_000_000 + serial);
    const created = await admin.call('POST', '/api/v1/admin/users', { username: `lost${serial}`, displayName: `Lost ${serial}`, primaryCard: card, pin: '2580' });
    expect(created.status).toBe(201);
    await eventually(() => kiosk.store.uow.repos.users.findById(created.body.id) != null, 'the new user on the kiosk');
    return { id: created.body.id, card };
  }

  async function centralView(userId: string): Promise<{ primaryCard: string | null; changes: number; audit: { outcome: string }[] }> {
    const user = await admin.call('GET', `/api/v1/admin/users/${userId}`);
    const audit = await admin.call('GET', `/api/v1/admin/audit?userId=${userId}&kind=card.regenerate`);
    return { primaryCard: user.body.primaryCard, changes: audit.body.events.filter((e: { outcome: string }) => e.outcome === 'success').length, audit: audit.body.events };
  }

  /** The kiosk showed success, with the number the central store holds, made exactly once. */
  async function expectMadeOnce(userId: string, changed: Awaited<ReturnType<SelfService['regenerateCard']>>): Promise<string> {
    if (!changed.ok) throw new Error(`shown as failed: ${changed.error.code} ${changed.error.message}`);
    const onCentral = await centralView(userId);
    expect(onCentral.primaryCard).toBe(changed.value.cardNumber);
    expect(onCentral.changes).toBe(1);
    return changed.value.cardNumber;
  }

  beforeAll(async () => {
    site = await startCentralWithAdmin('bk-card-outcome-');
    admin = site.admin;
    proxy = await startFaultProxy(site.central.url);
    // A short push timeout so "late" is cheap to provoke; the outcome window as on a real kiosk.
    kiosk = await enrollTestKiosk(proxy.url, admin, 'lossy', { cardChangeTimeoutMs: 1_500, cardChangeOutcomeWindowMs: 9_000 });
  });

  afterEach(() => proxy.clear());

  afterAll(async () => {
    await kiosk?.close();
    await proxy?.close();
    await site?.close();
  });

  it('an answer dropped after the commit: the kiosk asks for the outcome of its key and shows the number the central store set', async () => {
    const user = await newUser();
    proxy.add({ ...PUSH, fault: { kind: 'drop-answer' }, times: 1 });
    const cardNumber = await expectMadeOnce(user.id, await kiosk.self.regenerateCard(user.id));
    expect(proxy.forwarded.some((line) => /^GET \/api\/v1\/kiosk\/commands\//.test(line))).toBe(true);
    // The kiosk's own audit agrees with the central store's, and its replica holds the number at once.
    const local = kiosk.store.uow.repos.audit.query({ userId: user.id, kind: 'card.regenerate' });
    expect(local.map((e) => e.outcome)).toEqual(['success']);
    expect(kiosk.store.uow.repos.users.findById(user.id)!.primaryCard).toBe(cardNumber);
  });

  it('an answer delayed past the timeout: the same outcome, and one daily change spent, not two', async () => {
    const user = await newUser();
    proxy.add({ ...PUSH, fault: { kind: 'delay-answer', ms: 4_000 }, times: 1 });
    await expectMadeOnce(user.id, await kiosk.self.regenerateCard(user.id));
  });

  it('a request cut before it reached the central store is pushed again under the same key and made once', async () => {
    const user = await newUser();
    proxy.add({ ...PUSH, fault: { kind: 'refuse' }, times: 1 });
    await expectMadeOnce(user.id, await kiosk.self.regenerateCard(user.id));
  });

  it('when no outcome can be had, the kiosk says it cannot confirm the change, and the next sign-in shows the number in force', async () => {
    const user = await newUser();
    proxy.add({ ...PUSH, fault: { kind: 'drop-answer' } });
    proxy.add({ ...OUTCOME, fault: { kind: 'drop-answer' } });
    const changed = await kiosk.self.regenerateCard(user.id);
    expect(changed.ok).toBe(false);
    if (!changed.ok) expect(changed.error).toMatchObject({ code: 'card-change-unconfirmed', message: CARD_CHANGE_UNCONFIRMED_MESSAGE });
    const onCentral = await centralView(user.id);
    expect(onCentral.changes).toBe(1);
    expect(onCentral.primaryCard).not.toBe(user.card);
    proxy.clear();
    await kiosk.sync.syncNow();
    await eventually(() => kiosk.store.uow.repos.users.findById(user.id)!.primaryCard === onCentral.primaryCard, 'the number in force on the kiosk');
    const signIn = await kiosk.self.authenticate({ via: 'card', cardNumber: onCentral.primaryCard! }, '2580');
    expect(signIn.ok).toBe(true);
  });

  it('a central store that refuses the connection outright is "unreachable" at once: no outcome to wait for', async () => {
    const closed = await freePort();
    const calls: string[] = [];
    const client = new CentralHttpClient({
      baseUrl: `http://127.0.0.1:${closed}`,
      token: 'bkk_not-needed-the-connection-is-refused',
      fetch: (input, init) => {
        calls.push(`${init?.method ?? 'GET'} ${String(input)}`);
        return fetch(input, init);
      },
    });
    const answer = await requestCardChangeOutcome(client, { idempotencyKey: 'refused-key-1', userId: 'u1', field: 'primary', manualNumber: null }, { timeoutMs: 1_500, outcomeWindowMs: 9_000 });
    expect(answer.ok ? 'ok' : answer.error).toEqual({ code: 'central-unreachable', message: CENTRAL_UNREACHABLE_MESSAGE });
    expect(calls).toHaveLength(1);
  });
});
