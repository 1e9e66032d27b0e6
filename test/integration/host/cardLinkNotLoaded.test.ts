import path from 'node:path';
import { eventually, removeDir, tempDir, type AdminSession, type CentralProcess } from '../../support/centralProcess.js';
import { setCentralConfig, startDirectoryCentral } from '../../support/directoryCentral.js';
import { startTestSlapd, type TestSlapd } from '../../support/directorySlapd.js';
import { startFaultProxy, type FaultProxy } from '../../support/faultProxy.js';
import { openEnrolledHostKiosk, type HostKiosk } from '../../support/hostKiosk.js';

/**
 * Issue 14: a card linked centrally whose pull to the kiosk then fails must not be called "unknown".
 * A real kiosk host enrolled through the fault-injecting proxy with a real `badgekiosk central` and a
 * private slapd; the proxy refuses every change-feed pull once the link is made.
 */
describe('a linked card the kiosk could not pull yet', () => {
  let dir: string;
  let slapd: TestSlapd;
  let central: CentralProcess;
  let admin: AdminSession;
  let proxy: FaultProxy;
  let kiosk: HostKiosk;

  beforeAll(async () => {
    dir = await tempDir('bk-host-link-pull-');
    slapd = await startTestSlapd([{ uid: 'cleo', cn: 'Cleo Pull', password: 'cleo-directory-pw' }]);
    ({ central, admin } = await startDirectoryCentral(dir, `sqlite:${path.join(dir, 'central.sqlite')}`, slapd, { cardAttribute: '' }));
    expect((await admin.call('POST', '/api/v1/admin/users', { username: 'cleo', displayName: 'Cleo Pull', primaryCard: '555101', pin: '2580' })).status).toBe(201);
    await setCentralConfig(admin, 'card-id.self-association', true);
    proxy = await startFaultProxy(central.url);
    const created = await admin.call('POST', '/api/v1/admin/kiosks', { name: 'link-pull' });
    kiosk = await openEnrolledHostKiosk({ dataDir: path.join(dir, 'kiosk'), centralUrl: proxy.url, enrollmentCode: created.body.enrollmentCode as string });
    await eventually(() => kiosk.runtime.store.configValues()['card-id.self-association'] === true || undefined, 'self-association reaches the kiosk');
  }, 90_000);
  afterAll(async () => {
    await kiosk?.close();
    await proxy?.close();
    await central?.stop();
    await slapd?.stop();
    await removeDir(dir);
  });

  it('says the card is linked and to swipe again, then the card works once the pull gets through', async () => {
    expect((await kiosk.call('presentCard', { cardNumber: '900401' })).value).toEqual({ phase: 'link-card' });
    proxy.add({ method: 'GET', path: /\/api\/v1\/kiosk\/changes$/, fault: { kind: 'refuse' } });
    const linked = await kiosk.call('linkCard', { username: 'cleo', password: 'cleo-directory-pw' });
    expect(linked.error).toMatchObject({ code: 'card-linked-not-loaded', message: expect.stringContaining('swipe it again') });
    expect(((await kiosk.call('getState')).value as { session: { phase: string } }).session.phase).toBe('idle');
    // The link was made centrally: the user's card is the new number there.
    const found = await admin.call('GET', '/api/v1/admin/users?search=cleo');
    expect(JSON.stringify(found.body)).toContain('900401');

    proxy.clear();
    await eventually(() => kiosk.runtime.store.uow.repos.users.findByCard('900401'), 'the linked card reaches the replica', 30_000);
    expect((await kiosk.call('presentCard', { cardNumber: '900401' })).value).toEqual({ phase: 'enter-pin', via: 'card' });
    expect((await kiosk.call('submitPin', { pin: '2580' })).value).toMatchObject({ phase: 'signed-in', user: { username: 'cleo', primaryCard: '900401' } });
    await kiosk.call('logout');
  }, 60_000);

  it('no password reaches the host log', () => {
    expect(kiosk.logs.text).not.toContain('cleo-directory-pw');
  });
});
