import path from 'node:path';
import type { Page } from 'playwright';
import { adminLogin, createAdminWithCli, removeDir, startCentralProcess, tempDir, type CentralProcess } from '../support/centralProcess.js';
import { screenshotAtAllSizes } from '../support/e2eBrowser.js';
import { kioskCli, makeDataDir } from '../support/e2eKioskHost.js';
import { enterOnKeypad, expectScreen, swipeWedge } from '../support/e2eKioskPage.js';
import { kioskSuite } from '../support/e2eKioskSuite.js';

/**
 * An enrolled kiosk whose central store goes away: a real `badgekiosk central` process on
 * loopback, the kiosk enrolled with `badgekiosk kiosk enroll`, its web-mode host as a child
 * process, Debian's Chromium on the page. Killing the central store must show in the status bar,
 * refuse Card/ID changes with a screen that says what still works, and let PIN changes queue.
 */

const CARD = '0007700123';
const PIN = '2580';

let centralDir: string;
let central: CentralProcess;
const suite = kioskSuite({
  async prepare() {
    centralDir = await tempDir('badgekiosk-e2e-central-');
    const db = `sqlite:${path.join(centralDir, 'central.sqlite')}`;
    await createAdminWithCli(centralDir, db);
    central = await startCentralProcess({ dataDir: centralDir, db });
    const admin = await adminLogin(central.url);
    const user = await admin.call('POST', '/api/v1/admin/users', { username: 'mary', displayName: 'Mary Somerville', primaryCard: CARD, pin: PIN });
    if (user.status !== 201) throw new Error(`user create failed: ${JSON.stringify(user.body)}`);
    const kiosk = await admin.call('POST', '/api/v1/admin/kiosks', { name: 'e2e-printer-1' });
    if (kiosk.status !== 201) throw new Error(`kiosk create failed: ${JSON.stringify(kiosk.body)}`);
    const dataDir = makeDataDir();
    await kioskCli(dataDir, 'kiosk', 'enroll', '--central', central.url, '--code', kiosk.body.enrollmentCode as string);
    return dataDir;
  },
});
let page: Page;
beforeAll(() => {
  ({ page } = suite);
});
afterAll(async () => {
  await central?.kill();
  if (centralDir) await removeDir(centralDir);
});

const button = (name: string) => page.getByRole('button', { name, exact: true });

describe('kiosk journeys with a central store (web mode)', { timeout: 90_000 }, () => {
  it('the status bar shows the central store connected, then unreachable when it stops', async () => {
    await page.getByTestId('status-sync').filter({ hasText: 'Central store connected' }).waitFor({ timeout: 20_000 });
    await central.kill();
    await page.getByTestId('status-sync').filter({ hasText: 'Central store unreachable' }).waitFor({ timeout: 45_000 });
  });

  it('signed in without the central store: home says what still works; a Card/ID change is refused in words', async () => {
    await swipeWedge(page, CARD);
    await expectScreen(page, 'screen-pin-entry');
    await enterOnKeypad(page, PIN);
    await expectScreen(page, 'screen-home');
    expect(await page.getByTestId('central-offline-note').textContent()).toContain('You can still sign in');
    await button('Change Card/ID number').click();
    await button('Generate a new number').click();
    await button('Yes, replace it').click();
    await expectScreen(page, 'notice-central-unreachable', 30_000);
    expect(await page.getByText('Changing your Card/ID number needs the central store, which cannot be reached right now.').isVisible()).toBe(true);
    expect(await screenshotAtAllSizes(page, 'central-unreachable')).toEqual([]);
    await button('Back').click();
    await expectScreen(page, 'screen-home');
  });

  it('a PIN change still works offline and says it waits for the central store', async () => {
    await button('Change PIN').click();
    await expectScreen(page, 'screen-change-pin-current');
    await enterOnKeypad(page, PIN);
    // Each step is checked before the next is shown (issue 15): wait for it rather than type ahead.
    await expectScreen(page, 'screen-change-pin-new');
    await enterOnKeypad(page, '4826');
    await expectScreen(page, 'screen-change-pin-confirm');
    await enterOnKeypad(page, '4826');
    await expectScreen(page, 'screen-change-pin-done');
    expect(await page.getByText('The central store will receive the change when it is reachable again.').isVisible()).toBe(true);
    expect(await screenshotAtAllSizes(page, 'change-pin-queued')).toEqual([]);
    await button('Done').click();
    await button('Log out').click();
    await expectScreen(page, 'screen-idle');
  });
});
