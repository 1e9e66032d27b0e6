import type { Page } from 'playwright';
import { DEMO_USERS } from '../../src/host/demoUsers.js';
import { screenshotAtAllSizes } from '../support/e2eBrowser.js';
import { kioskCli, makeDataDir, type KioskProcess } from '../support/e2eKioskHost.js';
import { enterOnKeypad, expectScreen, swipeWedge } from '../support/e2eKioskPage.js';
import { kioskSuite } from '../support/e2eKioskSuite.js';
import { axeAtAllSizes } from '../support/e2eScreenAxe.js';
import { startPrintRig, type PrintRig } from '../support/printRig.js';

/**
 * Print release at the touchscreen (issue 12) in Debian's Chromium against a real web-mode host
 * (`badgekiosk start --web --standalone`) whose print server is a private cupsd: swipe, see the
 * held documents, Print all, "Sent to lobby", logout after print.logout-after-release-seconds.
 */
const ada = DEMO_USERS.find((u) => u.username === 'ada')!;

let rig: PrintRig;
const suite = kioskSuite({
  async prepare() {
    rig = await startPrintRig();
    const dataDir = makeDataDir('badgekiosk-e2e-print-');
    await kioskCli(dataDir, 'print', 'server', 'add', 'main', '--url', rig.cups.url, '--follow-me', 'followme');
    await kioskCli(dataDir, 'kiosk', 'printer', 'set', 'main/lobby');
    await kioskCli(dataDir, 'config', 'set', 'print.logout-after-release-seconds', '3');
    return dataDir;
  },
});
let host: KioskProcess;
let page: Page;
beforeAll(() => {
  ({ host, page } = suite);
});
afterAll(async () => {
  await rig?.stop();
});

/** Photographs the screen at every size, and checks it: usable buttons, no axe violation of any impact at any of the axe sizes. */
async function check(screen: string): Promise<void> {
  expect(await screenshotAtAllSizes(page, screen)).toEqual([]);
  expect(await axeAtAllSizes(page, screen)).toEqual([]);
}

describe('print release in Chromium (web mode, standalone kiosk)', { timeout: 90_000 }, () => {
  it('swipe, the held documents of this user only, Print all, "Sent to lobby", logout', async () => {
    await rig.cups.submit({ queue: 'followme', user: 'ada', title: 'Quarterly report', body: 'E2E-REPORT\n' });
    await rig.cups.submit({ queue: 'lobby', user: 'CORP\\ada', title: 'Boarding pass', body: 'E2E-PASS\n', copies: 2 });
    await rig.cups.submit({ queue: 'followme', user: 'bob', title: 'Not for Ada', body: 'E2E-BOB\n' });

    await swipeWedge(page, ada.primaryCard);
    await expectScreen(page, 'screen-pin-entry');
    await enterOnKeypad(page, ada.pin!);
    await expectScreen(page, 'screen-print-jobs');
    await page.getByTestId('print-job-list').waitFor();
    const titles = await page.getByTestId('print-job').locator('.print-job-title').allTextContents();
    expect(titles.sort()).toEqual(['Boarding pass', 'Quarterly report']);
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toContain('2 documents');
    await check('print-jobs');

    // Selecting one offers Print and Delete for it; selecting it again goes back to Print all.
    const row = page.getByRole('checkbox', { name: 'Select Quarterly report' });
    await row.click();
    expect(await row.getAttribute('aria-checked')).toBe('true');
    expect(await page.getByRole('button', { name: 'Print 1 document' }).isVisible()).toBe(true);
    await check('print-jobs-selected');
    await row.click();

    const printed = rig.lobby.jobs().length;
    await page.getByRole('button', { name: 'Print all', exact: true }).click();
    await expectScreen(page, 'screen-print-sent');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sent to lobby');
    await check('print-sent');
    await rig.lobby.waitForJobs(printed + 2);
    expect(rig.lobby.receivedText()).toContain('E2E-REPORT');
    expect(rig.lobby.receivedText()).toContain('E2E-PASS');
    expect(rig.lobby.receivedText()).not.toContain('E2E-BOB');

    await expectScreen(page, 'screen-idle', 15_000);
  });

  it('with nothing held: the empty state explains the follow-me queue, and Account leads to the PIN and Card/ID screens', async () => {
    await swipeWedge(page, ada.primaryCard);
    await expectScreen(page, 'screen-pin-entry');
    await enterOnKeypad(page, ada.pin!);
    await expectScreen(page, 'print-empty');
    expect(await page.getByTestId('print-empty').textContent()).toContain('follow-me printer');
    await check('print-empty');
    await page.getByRole('button', { name: 'Account', exact: true }).click();
    await expectScreen(page, 'screen-home');
    expect(await page.getByRole('button', { name: 'Change PIN', exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Documents', exact: true }).click();
    await expectScreen(page, 'screen-print-jobs');
    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await expectScreen(page, 'screen-idle');
  });

  it('print server down: home is the PIN and Card/ID actions that still work, with one line saying printing is unavailable', async () => {
    await rig.cups.pause();
    try {
      await swipeWedge(page, ada.primaryCard);
      await expectScreen(page, 'screen-pin-entry');
      await enterOnKeypad(page, ada.pin!);
      await expectScreen(page, 'print-unavailable');
      expect(await page.getByTestId('print-unavailable').textContent()).toBe('Printing is unavailable right now. Changing your PIN or Card/ID number still works.');
      await check('print-unavailable');
      expect(await page.getByTestId('screen-home').isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'Change PIN', exact: true }).isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Log out', exact: true }).click();
      await expectScreen(page, 'screen-idle');
    } finally {
      await rig.cups.resume();
    }
  });

  it('print.release-all-on-login releases on sign-in and shows what was sent, once per sign-in', async () => {
    await host.cli('config', 'set', 'print.release-all-on-login', 'true');
    try {
      await rig.cups.submit({ queue: 'followme', user: 'ada', title: 'Ticket', body: 'E2E-ON-LOGIN\n' });
      const printed = rig.lobby.jobs().length;
      await swipeWedge(page, ada.primaryCard);
      await expectScreen(page, 'screen-pin-entry');
      await enterOnKeypad(page, ada.pin!);
      await expectScreen(page, 'screen-print-sent');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sent to lobby');
      await rig.lobby.waitForJobs(printed + 1);
      expect(rig.lobby.receivedText()).toContain('E2E-ON-LOGIN');
      await page.getByRole('button', { name: 'Stay signed in', exact: true }).click();
      await expectScreen(page, 'print-empty');
      await page.getByRole('button', { name: 'Log out', exact: true }).click();
      await expectScreen(page, 'screen-idle');
    } finally {
      await host.cli('config', 'set', 'print.release-all-on-login', 'false');
    }
  });
});
