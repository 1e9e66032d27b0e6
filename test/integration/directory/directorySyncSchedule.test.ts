import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setConfigAudited } from '../../../src/central/services/centralConfig.js';
import { queryAudit } from '../../../src/central/services/centralAudit.js';
import { startDirectorySyncSchedule } from '../../../src/central/services/directorySyncSchedule.js';
import { startCentral, type RunningCentral } from '../../../src/central/startCentral.js';
import { eventually, removeDir, tempDir } from '../../support/centralProcess.js';
import { BIND_PASSWORD } from '../../support/directoryCentral.js';
import { SLAPD_PEOPLE, SLAPD_ROOT_DN, startTestSlapd, type TestSlapd } from '../../support/directorySlapd.js';

/** directory.sync-interval-minutes on a real central store (in this process, its clock moved by the test) and a real slapd. */
describe('scheduled directory sync', () => {
  let dir: string;
  let slapd: TestSlapd;
  let central: RunningCentral;
  let now = Date.UTC(2026, 11, 4, 8, 0, 0);
  const errors: string[] = [];

  const set = (name: string, value: unknown) =>
    central.ctx.storage.write(async (tx) => {
      const done = await setConfigAudited({ tx, actor: { username: 'test' }, now, random: central.ctx.random }, name, value);
      if (!done.ok) throw new Error(done.error);
    });
  const syncRows = async () => (await queryAudit(central.ctx.storage.db, { kind: 'directory.sync' })).length;

  beforeAll(async () => {
    dir = await tempDir('bk-dirschedule-');
    slapd = await startTestSlapd([{ uid: 'ada', cn: 'Ada Lovelace', password: 'ada-pass' }]);
    const passwordFile = path.join(dir, 'bind-password');
    await writeFile(passwordFile, `${BIND_PASSWORD}\n`, { mode: 0o600 });
    central = await startCentral({
      db: `sqlite:${path.join(dir, 'central.sqlite')}`, host: '127.0.0.1', port: 0, pepperFile: path.join(dir, 'pepper'),
      directoryBindPasswordFile: passwordFile, logLevel: false, clock: { now: () => now },
    });
    await set('directory.ldap.url', slapd.url);
    await set('directory.ldap.base-dn', SLAPD_PEOPLE);
    await set('directory.ldap.bind-dn', SLAPD_ROOT_DN);
  });
  afterAll(async () => {
    await central?.close();
    await slapd?.stop();
    await removeDir(dir);
  });

  it('does nothing at 0 (manual only), then syncs once per interval', async () => {
    const stop = startDirectorySyncSchedule(central.ctx, { error: (_d, message) => errors.push(message) }, 50);
    try {
      await new Promise((r) => setTimeout(r, 300));
      expect(await syncRows()).toBe(0);
      await set('directory.sync-interval-minutes', 30);
      await eventually(async () => (await syncRows()) === 1, 'the first scheduled sync');
      expect((await queryAudit(central.ctx.storage.db, { kind: 'directory.sync' }))[0]).toMatchObject({ actor: 'schedule', details: { created: 1 } });
      now += 10 * 60_000;
      await new Promise((r) => setTimeout(r, 300));
      expect(await syncRows()).toBe(1);
      now += 21 * 60_000;
      await eventually(async () => (await syncRows()) === 2, 'the next scheduled sync, 30 minutes later');
      expect(errors).toEqual([]);
    } finally {
      stop();
    }
  });
});
