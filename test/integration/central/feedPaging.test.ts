import { kioskPaths, openKioskStore } from '../../../src/store/index.js';
import { createSyncClient, enrollKiosk } from '../../../src/sync/index.js';
import { startCentralWithAdmin, tempDir, removeDir, type CentralWithAdmin } from '../../support/centralProcess.js';
import { startFaultProxy, type FaultProxy } from '../../support/faultProxy.js';

// Issue 10, item 6, at a size a test can afford (12,000 users; the bench runs 1,000,000): the first
// sync is a run of bounded pages, never the whole feed at once on either side.
describe('the first sync of a large site is paged with bounded memory (issue 10)', () => {
  const USERS = 12_000;
  const PAGE = 1_000;
  let site: CentralWithAdmin;
  let proxy: FaultProxy;

  beforeAll(async () => {
    site = await startCentralWithAdmin('bk-paging-');
    const rows = Array.from({ length: USERS }, (_, i) => `page${i},Page ${i},,${60_000_000 + i},,`);
    const imported = await site.admin.call('POST', '/api/v1/admin/users/import', ['username,name,email,primary_card,secondary_card,pin', ...rows].join('\n') + '\n');
    expect(imported.body).toEqual({ imported: USERS, withPin: 0 });
    proxy = await startFaultProxy(site.central.url);
  });

  afterAll(async () => {
    await proxy?.close();
    await site?.close();
  });

  it('pulls page by page, one page applied while at most one more is on its way, each no larger than asked, and reports progress to 100 %', async () => {
    const dataDir = await tempDir('bk-paging-kiosk-');
    const store = openKioskStore({ file: kioskPaths(dataDir).db });
    try {
      const created = await site.admin.call('POST', '/api/v1/admin/kiosks', { name: 'paging' });
      await enrollKiosk({ store, dataDir, centralUrl: proxy.url, code: created.body.enrollmentCode, version: 'test' });
      const sync = (await createSyncClient({ store, dataDir, pageSize: PAGE }))!;
      const fractions: number[] = [];
      const pageSizes: number[] = [];
      sync.onEvent((event) => {
        if (event.type !== 'progress') return;
        fractions.push(event.fraction);
        pageSizes.push(event.applied - (pageSizes.reduce((a, b) => a + b, 0)));
      });
      const status = await sync.syncNow();
      expect(status.state).toBe('online');
      expect(store.uow.repos.users.count()).toBe(USERS);
      const pulls = proxy.forwarded.filter((line) => line === 'GET /api/v1/kiosk/changes').length;
      expect(pulls).toBeGreaterThanOrEqual(USERS / PAGE);
      expect(Math.max(...pageSizes)).toBeLessThanOrEqual(PAGE);
      expect(proxy.maxInFlight.get('/api/v1/kiosk/changes')).toBeLessThanOrEqual(2);
      expect(fractions.at(-1)).toBe(1);
      expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
      await sync.stop();
    } finally {
      store.close();
      await removeDir(dataDir);
    }
  });
});
