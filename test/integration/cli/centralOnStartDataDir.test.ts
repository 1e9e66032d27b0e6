import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { kioskPaths } from '../../../src/store/index.js';
import { runCli, startCentralProcess } from '../../support/centralProcess.js';
import { startKioskHost } from '../../support/e2eKioskHost.js';

/**
 * Issue 15 item 10: `badgekiosk central` on the data directory `npm start` made. One pepper
 * location for the embedded central store and `central`, and no secret written on a failing path.
 */
describe('badgekiosk central on the data directory of badgekiosk start', { timeout: 90_000 }, () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'badgekiosk-central-start-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the embedded central store`s site with the same pepper, writing no second one', async () => {
    // The newcomer's start: the embedded central store (no --standalone).
    const kiosk = await startKioskHost({ dataDir, embedded: true });
    await kiosk.stop();
    const central = await startCentralProcess({ dataDir, db: `sqlite:${kioskPaths(dataDir).embeddedCentralDb}` });
    try {
      expect(central.output()).toContain('listening on');
    } finally {
      await central.stop();
    }
    expect(existsSync(path.join(dataDir, 'central', 'secrets', 'pepper'))).toBe(false);
  });

  it('refuses to start without the site`s pepper file, says which, and creates none', async () => {
    const first = await startCentralProcess({ dataDir, db: `sqlite:${kioskPaths(dataDir).embeddedCentralDb}` });
    await first.stop();
    const pepper = kioskPaths(dataDir).pepper;
    expect(existsSync(pepper)).toBe(true);
    renameSync(pepper, `${pepper}.kept`);
    const refused = await runCli(['--data-dir', dataDir, 'central', '--listen', '127.0.0.1:0']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`The PIN pepper file ${pepper} does not exist, but this central database already belongs to site`);
    expect(existsSync(pepper)).toBe(false);
  });
});
