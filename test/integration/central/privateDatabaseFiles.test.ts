import { statSync, writeFileSync, chmodSync, existsSync } from 'node:fs';
import path from 'node:path';
import { openKioskStore } from '../../../src/store/index.js';
import { adminLogin, createAdminWithCli, freePort, removeDir, startCentralProcess, tempDir } from '../../support/centralProcess.js';

// Issue 11, finding 6: a database holding PIN hashes is never readable by other accounts,
// whatever the umask of the process that created it.
const mode = (file: string) => statSync(file).mode & 0o777;

describe('database files are private (issue 11, finding 6)', () => {
  let dir: string;
  let umaskBefore: number;

  beforeAll(async () => {
    dir = await tempDir('bk-private-');
    umaskBefore = process.umask(0o022);
  });

  afterAll(async () => {
    process.umask(umaskBefore);
    if (dir) await removeDir(dir);
  });

  it('a standalone central store creates its folder 0700 and its database, -wal and -shm 0600 under umask 022', async () => {
    const file = path.join(dir, 'site', 'central.sqlite');
    const db = `sqlite:${file}`;
    await createAdminWithCli(dir, db);
    const central = await startCentralProcess({ dataDir: dir, db, port: await freePort() });
    try {
      await adminLogin(central.url);
      expect(mode(path.dirname(file))).toBe(0o700);
      for (const each of [file, `${file}-wal`, `${file}-shm`]) {
        expect(existsSync(each)).toBe(true);
        expect(mode(each).toString(8)).toBe('600');
      }
    } finally {
      await central.stop();
    }
  });

  it('the kiosk replica too, and an existing readable file is tightened when opened', () => {
    const file = path.join(dir, 'kiosk', 'kiosk.sqlite');
    const first = openKioskStore({ file });
    first.close();
    expect(mode(path.dirname(file))).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    chmodSync(file, 0o644);
    writeFileSync(`${file}-shm`, '');
    chmodSync(`${file}-shm`, 0o644);
    const again = openKioskStore({ file });
    again.close();
    expect(mode(file)).toBe(0o600);
  });
});
