import path from 'node:path';
import { startCentral, type RunningCentral } from '../../../src/central/startCentral.js';
import { addPrintServer, expireCentralHeldJobs } from '../../../src/central/services/centralPrint.js';
import { queryAudit } from '../../../src/central/services/centralAudit.js';
import { backendDatabases, CENTRAL_BACKENDS, type BackendDatabases } from '../../support/centralBackends.js';
import { removeDir, tempDir } from '../../support/centralProcess.js';
import { manualClock } from '../../support/domainFakes.js';
import { startPrintRig, waitForJobState, type PrintRig } from '../../support/printRig.js';

// The central store's expiry sweep (in process, with a clock the test moves), on both backends.
describe.each(CENTRAL_BACKENDS)('held-job expiry on the central store on %s', (backend) => {
  let dir: string;
  let dbs: BackendDatabases;
  let rig: PrintRig;

  beforeAll(async () => {
    dir = await tempDir('bk-central-expiry-');
    [dbs, rig] = await Promise.all([backendDatabases(backend, dir), startPrintRig()]);
  });
  afterAll(async () => {
    await rig?.stop();
    dbs?.stop();
    if (dir) await removeDir(dir);
  });

  test('cancels held jobs older than the timeout once, audited print.expired, never again after a restart', async () => {
    const db = await dbs.fresh('expiry');
    const clock = manualClock(Date.now());
    const start = () => startCentral({ db, host: '127.0.0.1', port: 0, pepperFile: path.join(dir, 'pepper'), logLevel: false, clock });
    let central: RunningCentral = await start();
    try {
      expect((await addPrintServer(central.ctx, { name: 'main', url: rig.cups.url, followMeQueues: ['followme'] }, 'admin')).ok).toBe(true);
      const old = await rig.cups.submit({ queue: 'followme', user: 'ada', title: 'central expiry: old' });
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const young = await rig.cups.submit({ queue: 'followme', user: 'bob', title: 'central expiry: young' });
      clock.set((await rig.target.server.job(young))!.submittedAt + 240 * 60_000);

      expect(await expireCentralHeldJobs(central.ctx)).toEqual({ ok: true, value: 1 });
      expect(await waitForJobState(rig, old, ['canceled'])).toBe('canceled');
      expect((await rig.target.server.job(young))?.state).toBe('pending-held');
      expect(await expireCentralHeldJobs(central.ctx)).toEqual({ ok: true, value: 0 });
      await central.close();

      central = await start();
      expect(await expireCentralHeldJobs(central.ctx)).toEqual({ ok: true, value: 0 });
      const rows = await queryAudit(central.ctx.storage.db, { kind: 'print.expired' });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ outcome: 'success', details: { server: 'main', jobId: old, owner: 'ada', timeoutMinutes: 240, result: 'expired' } });
    } finally {
      await central.close();
    }
  });
});
