import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright';
import type { RunningWebModeKiosk } from '../../src/host/launch/webModeKiosk.js';
import { DEMO_USERS } from '../../src/host/demoUsers.js';
import { launchChromium, openKioskPage, screenshotAtAllSizes } from '../support/e2eBrowser.js';
import { enterOnKeypad, expectScreen } from '../support/e2eKioskPage.js';
import { startSerialKiosk } from '../support/e2eSerialKiosk.js';
import { openPtyPair, rdm6300Frame, type PtyPair } from '../support/e2eSerialPty.js';

/**
 * Cards from a serial reader: RDM6300 frames written to a socat pseudo-terminal, read by the
 * host's real serial reader (serialport), shown in Debian's Chromium; PINs clicked on the keypad.
 * The host runs in this process (see e2eSerialKiosk.ts for why); nothing in the path is a stand-in.
 */

const ada = DEMO_USERS.find((user) => user.username === 'ada')!;
const DEBOUNCE_MS = 300;

let dir: string;
let pty: PtyPair;
let kiosk: RunningWebModeKiosk;
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'badgekiosk-e2e-serial-'));
  pty = await openPtyPair(dir, 'rdm6300');
  [kiosk, browser] = await Promise.all([
    startSerialKiosk({ dataDir: path.join(dir, 'data'), portPath: pty.appPath, debounceMs: DEBOUNCE_MS }),
    launchChromium(),
  ]);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  ({ page, pageErrors } = await openKioskPage(context, kiosk.url));
  await expectScreen(page, 'screen-idle');
  await page.getByTestId('status-reader').filter({ hasText: 'Reader ready' }).waitFor();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await kiosk?.close();
  await pty?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

/** The reader sees the card; waits out the debounce so the next read is a new swipe. */
async function swipeOnReader(card: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS + 100));
  pty.write(rdm6300Frame(card));
}

describe('cards from a serial reader (RDM6300 on a pty)', { timeout: 60_000 }, () => {
  it('a card on the reader opens the PIN pad; the PIN clicked on the keypad signs in', async () => {
    await swipeOnReader(ada.primaryCard);
    await expectScreen(page, 'screen-pin-entry');
    await enterOnKeypad(page, ada.pin!);
    await expectScreen(page, 'screen-home');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome, Ada Lovelace');
  });

  it('the same card on the reader again logs out', async () => {
    await swipeOnReader(ada.primaryCard);
    await expectScreen(page, 'screen-idle');
    expect(await page.getByText('You have been logged out.').isVisible()).toBe(true);
  });

  it('an unknown card on the reader gets the card-not-recognised screen; the last person\'s "logged out" is gone after it', async () => {
    await swipeOnReader('0012345678');
    await expectScreen(page, 'notice-unknown-card');
    await page.getByRole('button', { name: 'Back to start', exact: true }).click();
    await expectScreen(page, 'screen-idle');
    expect(await page.getByText('You have been logged out.').count()).toBe(0);
  });

  it('a frame with a bad checksum is no card: the next good frame is the only swipe', async () => {
    const bad = rdm6300Frame(ada.primaryCard);
    bad[12] = bad[12] === 0x30 ? 0x31 : 0x30; // last checksum digit
    pty.write(bad);
    await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS + 200));
    expect(await page.getByTestId('screen-pin-entry').count()).toBe(0);
    await swipeOnReader(ada.primaryCard);
    await expectScreen(page, 'screen-pin-entry');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expectScreen(page, 'screen-idle');
  });

  it('unplugging the reader shows in the status bar', async () => {
    await pty.close();
    await page.getByTestId('status-reader').filter({ hasText: 'Reader disconnected' }).waitFor({ timeout: 15_000 });
    expect(await screenshotAtAllSizes(page, 'reader-disconnected')).toEqual([]);
  });
});
