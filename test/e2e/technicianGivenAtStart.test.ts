import type { Page } from 'playwright';
import { photographForDocs } from '../support/e2eDocScreenshots.js';
import { makeDataDir } from '../support/e2eKioskHost.js';
import { enterOnKeypad, expectScreen } from '../support/e2eKioskPage.js';
import { kioskSuite } from '../support/e2eKioskSuite.js';
import { axeAtAllSizes } from '../support/e2eScreenAxe.js';
import { openPtyPair, rdm6300Frame, type PtyPair } from '../support/e2eSerialPty.js';
import { runBadgekiosk } from '../support/technicianCli.js';
import { holdTechnicianCorner, TECHNICIAN_PIN } from '../support/technicianE2ePage.js';

/**
 * Technician mode and the reader given on the command line (issue 15 item 6), in Debian's Chromium
 * against `badgekiosk start --web --serial-preset rdm6300 --serial-port <socat pty>` as a child
 * process: the reader is listed "given at start" and feeds the live view, the technician replaces
 * it with a configured one, Apply and Export/Import stay on screen at 1024×600, and Leave with
 * unsaved changes asks first.
 */

const ADA_CARD = '0004521337'; // a demo user

let door: PtyPair;
let desk: PtyPair;
const suite = kioskSuite({
  async prepare() {
    const dataDir = makeDataDir('badgekiosk-given-at-start-');
    door = await openPtyPair(dataDir, 'door');
    desk = await openPtyPair(dataDir, 'desk');
    expect((await runBadgekiosk(dataDir, ['technician', 'pin', 'set'], `${TECHNICIAN_PIN}\n`)).code).toBe(0);
    return dataDir;
  },
  args: () => ['--serial-preset', 'rdm6300', '--serial-port', door.appPath, '--serial-path', desk.appPath],
});
let page: Page;
beforeAll(() => {
  page = suite.page;
});
afterAll(async () => {
  await door?.close();
  await desk?.close();
});

const tab = (name: string) => page.getByTestId(`technician-tab-${name}`);
const inUse = (id: string) => page.locator(`[data-testid="reader-in-use"][data-reader="${id}"]`);

/** No axe violation at the three sizes; photographed into docs/screenshots. */
async function shoot(name: string): Promise<void> {
  expect(await axeAtAllSizes(page, name)).toEqual([]);
  await photographForDocs(page, name);
}

/** Whether the element is wholly inside the viewport as the page is now (nothing scrolled). */
async function onScreen(testId: string): Promise<boolean> {
  const box = await page.getByTestId(testId).boundingBox();
  const size = page.viewportSize()!;
  return box !== null && box.y >= 0 && box.y + box.height <= size.height && box.x >= 0 && box.x + box.width <= size.width;
}

describe('the reader given at start, in technician mode', { timeout: 120_000 }, () => {
  it('is listed on the Readers page as "given at start", and its reads show in the live view', async () => {
    await holdTechnicianCorner(page);
    await expectScreen(page, 'screen-technician-pin');
    await enterOnKeypad(page, TECHNICIAN_PIN);
    await expectScreen(page, 'technician-readers');
    const given = inUse('given-at-start');
    await given.getByTestId('reader-state').filter({ hasText: 'Ready' }).waitFor();
    expect(await given.getByTestId('reader-given-at-start').textContent()).toBe('Given at start');
    expect(await page.getByText('No reader is in use.').count()).toBe(0);
    expect(await page.getByTestId('technician-unsaved').count()).toBe(0);
    await page.getByTestId('detected-device').first().waitFor();
    await shoot('technician-given-at-start');

    await given.getByRole('button', { name: 'Live view', exact: true }).click();
    await page.getByRole('group', { name: 'Reader' }).getByRole('button', { name: / \(Given at start\)$/ }).waitFor();
    door.write(rdm6300Frame(ADA_CARD));
    await page.getByTestId('live-record').filter({ hasText: ADA_CARD }).waitFor();
    await shoot('technician-given-at-start-live');
  });

  it('at 1024×600 Apply and Export/Import stay on screen without scrolling', async () => {
    await page.setViewportSize({ width: 1024, height: 600 });
    try {
      await tab('readers').click();
      await page.getByTestId('detected-device').first().waitFor();
      expect(await onScreen('profile-export')).toBe(true);
      expect(await onScreen('profile-import')).toBe(true);
      const device = page.getByTestId('detected-device').filter({ has: page.getByText(desk.appPath, { exact: true }) });
      await device.getByTestId('use-device').click();
      await page.getByTestId('choose-preset').getByRole('button', { name: 'line', exact: true }).click();
      expect(await onScreen('reader-form-apply')).toBe(true);
      await photographForDocs(page, 'technician-reader-form');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('is replaced by a configured reader; Leave with unsaved changes asks first, and leaving undoes them', async () => {
    await page.getByTestId('reader-form-apply').click();
    await inUse(desk.appPath).getByTestId('reader-state').filter({ hasText: 'Ready' }).waitFor();
    await inUse('given-at-start').getByRole('button', { name: 'Remove', exact: true }).click();
    await inUse('given-at-start').waitFor({ state: 'detached' });
    expect(await page.getByTestId('reader-in-use').count()).toBe(1);
    expect(await page.getByTestId('technician-unsaved').isVisible()).toBe(true);

    await page.getByTestId('technician-leave').click();
    await expectScreen(page, 'technician-leave-confirm');
    expect(await page.getByRole('heading', { name: 'Leave without saving?' }).isVisible()).toBe(true);
    await shoot('technician-leave-confirm');
    await page.getByTestId('technician-leave-stay').click();
    await expectScreen(page, 'technician-readers');
    expect(await page.getByTestId('reader-in-use').count()).toBe(1);

    await page.getByTestId('technician-leave').click();
    await page.getByTestId('technician-leave-anyway').click();
    await expectScreen(page, 'screen-idle');
    // Undone: the reader given at start signs people in again.
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past the debounce of the same card
    door.write(rdm6300Frame(ADA_CARD));
    await expectScreen(page, 'screen-pin-entry');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expectScreen(page, 'screen-idle');
  });
});
