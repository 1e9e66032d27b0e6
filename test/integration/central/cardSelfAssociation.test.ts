import path from 'node:path';
import { DAILY_LIMIT_MESSAGE } from '../../../src/core/index.js';
import { CentralHttpClient, fileTokenStore } from '../../../src/sync/index.js';
import { requestSelfAssociation, SELF_ASSOCIATION_UNREACHABLE } from '../../../src/sync/selfAssociationClient.js';
import { freePort } from '../../support/freePort.js';
import { enrollTestKiosk, type TestKiosk } from '../../support/centralKiosk.js';
import { eventually, http, removeDir, tempDir, type AdminSession, type CentralProcess } from '../../support/centralProcess.js';
import { setCentralConfig, startDirectoryCentral } from '../../support/directoryCentral.js';
import { startTestSlapd, type TestSlapd } from '../../support/directorySlapd.js';

/**
 * The central side of card self-association (issue 14 item 4): a real central store process, a real
 * slapd, an enrolled kiosk (store, sync client, SelfService in this process) calling
 * POST /api/v1/kiosk/self-associate with its own kiosk token.
 */
describe('card self-association on the central store', () => {
  let dir: string;
  let slapd: TestSlapd;
  let central: CentralProcess;
  let admin: AdminSession;
  let kiosk: TestKiosk;
  let token: string;
  const setConfig = (name: string, value: unknown) => setCentralConfig(admin, name, value);
  const associate = (body: { cardNumber: string; username: string; password: string }, bearer = token) =>
    http(`${central.url}/api/v1/kiosk/self-associate`, 'POST', body, { authorization: `Bearer ${bearer}` });

  beforeAll(async () => {
    dir = await tempDir('bk-selfassoc-');
    slapd = await startTestSlapd([
      { uid: 'ada', cn: 'Ada Lovelace', password: 'ada-pass' },
      { uid: 'bob', cn: 'Bob Builder', password: 'bob-pass' },
    ]);
    ({ central, admin } = await startDirectoryCentral(dir, `sqlite:${path.join(dir, 'central.sqlite')}`, slapd));
    expect((await admin.call('POST', '/api/v1/admin/users', { username: 'zed', primaryCard: '700700' })).status).toBe(201);
    kiosk = await enrollTestKiosk(central.url, admin, 'assoc');
    token = (await fileTokenStore(kiosk.dataDir).read())!;
  });
  afterAll(async () => {
    await kiosk?.close();
    await central?.stop();
    await slapd?.stop();
    await removeDir(dir);
  });

  it('is refused while card-id.self-association is off (the default), and needs a kiosk token', async () => {
    const off = await associate({ cardNumber: '900100', username: 'ada', password: 'ada-pass' });
    expect(off.status).toBe(403);
    expect(off.body.error.message).toBe('Linking a card at the kiosk is turned off at this site.');
    await setConfig('card-id.self-association', true);
    expect((await associate({ cardNumber: '900100', username: 'ada', password: 'ada-pass' }, 'not-a-kiosk-token-at-all')).status).toBe(401);
  });

  it('refuses a wrong password and a card another user holds', async () => {
    const wrong = await associate({ cardNumber: '900100', username: 'ada', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid-credentials');
    const taken = await associate({ cardNumber: '700700', username: 'bob', password: 'bob-pass' });
    expect(taken.status).toBe(403);
    expect(taken.body.error.code).toBe('card-in-use');
    expect((await admin.call('GET', '/api/v1/admin/users?search=zed')).body.users[0].primaryCard).toBe('700700');
  });

  it('links the card to the signed-in user (created on first sign-in), audited; the kiosk then asks for a first PIN', async () => {
    const linked = await associate({ cardNumber: '900100', username: 'ada', password: 'ada-pass' });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body).toMatchObject({ displayName: 'Ada Lovelace', field: 'primary', hasPin: false, changesLeftToday: 2 });
    // A retry of the same link changes nothing and counts nothing.
    expect((await associate({ cardNumber: '900100', username: 'ada', password: 'ada-pass' })).body.changesLeftToday).toBe(2);
    const audit = await admin.call('GET', '/api/v1/admin/audit?kind=card.self-associate&outcome=success&username=ada');
    expect(audit.body.events.map((e: { details: { step: string } }) => e.details.step).sort()).toEqual(['link', 'link', 'sign-in', 'sign-in']);
    expect(JSON.stringify(audit.body)).not.toContain('ada-pass');
    await eventually(async () => {
      await kiosk.sync.syncNow();
      return kiosk.store.uow.repos.users.findByCard('900100') ?? false;
    }, 'the linked card reaches the kiosk');
    const identified = await kiosk.self.identifyCard('900100');
    expect(identified.ok && identified.value.next).toBe('set-pin');
  });

  it('counts toward the daily limit shared with every other change', async () => {
    await setConfig('user.can-change-card-id.num-times-per-day', 2);
    expect((await associate({ cardNumber: '900101', username: 'ada', password: 'ada-pass' })).status).toBe(200);
    const over = await associate({ cardNumber: '900102', username: 'ada', password: 'ada-pass' });
    expect(over.status).toBe(403);
    expect(over.body.error).toMatchObject({ code: 'daily-limit', message: DAILY_LIMIT_MESSAGE });
  });

  it("the kiosk's client links a card with its own token, and says so when the central store is unreachable", async () => {
    await setConfig('user.can-change-card-id.num-times-per-day', 5);
    const client = new CentralHttpClient({ baseUrl: central.url, token });
    const linked = await requestSelfAssociation(client, { cardNumber: '900200', username: 'bob', password: 'bob-pass' });
    expect(linked).toEqual({ ok: true, value: expect.objectContaining({ displayName: 'Bob Builder', field: 'primary', hasPin: false }) });
    const refused = await requestSelfAssociation(client, { cardNumber: '900201', username: 'bob', password: 'wrong' });
    expect(refused).toEqual({ ok: false, error: { code: 'invalid-credentials', message: 'Wrong username or password.' } });
    const nowhere = new CentralHttpClient({ baseUrl: `http://127.0.0.1:${await freePort()}`, token });
    expect(await requestSelfAssociation(nowhere, { cardNumber: '900202', username: 'bob', password: 'bob-pass' })).toEqual({
      ok: false, error: { code: 'central-unreachable', message: SELF_ASSOCIATION_UNREACHABLE },
    });
  });
});
