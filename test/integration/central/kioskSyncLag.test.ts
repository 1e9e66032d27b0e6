import { eventually, startCentralWithAdmin, type CentralWithAdmin } from '../../support/centralProcess.js';
import { enrollBareKiosk } from '../../support/liveChannelClient.js';

// Issue 13: the kiosk list says how far each kiosk is behind, from the cursor of its last pull.
describe('a kiosk\'s sync lag in the administration API (issue 13)', () => {
  let site: CentralWithAdmin;

  beforeAll(async () => {
    site = await startCentralWithAdmin('bk-sync-lag-');
  });

  afterAll(async () => {
    await site?.close();
  });

  const lagOf = async (kioskId: string) =>
    ((await site.admin.call('GET', '/api/v1/admin/kiosks')).body.kiosks as { id: string; syncLag: number | null }[]).find((k) => k.id === kioskId)!.syncLag;

  it('is unknown before the first pull, 0 when current, and counts the changes made since the last pull', async () => {
    const kiosk = await enrollBareKiosk(site.admin, site.central.url, 'lagging');
    expect(await lagOf(kiosk.kioskId)).toBeNull();
    const first = await kiosk.client.changes(0, 10_000);
    const current = await kiosk.client.changes(first.latest, 10_000);
    expect(current.changes).toEqual([]);
    await eventually(async () => (await lagOf(kiosk.kioskId)) === 0, 'lag 0 after a pull to the latest');
    for (const name of ['lag1', 'lag2', 'lag3']) {
      expect((await site.admin.call('POST', '/api/v1/admin/users', { username: name, primaryCard: String(90_000_000 + name.length * 10 + Number(name.at(-1))) })).status).toBe(201);
    }
    expect(await lagOf(kiosk.kioskId)).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const caughtUp = await kiosk.client.changes(first.latest, 10_000);
    await kiosk.client.changes(caughtUp.next, 10_000);
    await eventually(async () => (await lagOf(kiosk.kioskId)) === 0, 'lag 0 after catching up');
  });
});
