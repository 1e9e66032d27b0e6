import { DEMO_USERS } from '../../src/host/demoUsers.js';
import { expectScreen, pressDigits, swipeWedge } from '../support/e2eKioskPage.js';
import { kioskSuite } from '../support/e2eKioskSuite.js';
import { screenshotAtAllSizes } from '../support/e2eBrowser.js';
import { AXE_SIZES, axeAtAllSizes } from '../support/e2eScreenAxe.js';

/**
 * What a newcomer tripped over at the touchscreen (issue 15), each as the journey that showed it,
 * against the real web-mode host in Debian's Chromium. One host and one page for the file; every
 * test starts and ends at the idle screen.
 */

const ada = DEMO_USERS.find((u) => u.username === 'ada')!;

const suite = kioskSuite();

const button = (name: string) => suite.page.getByRole('button', { name, exact: true });

/** Settings the renderer reads at start-up: set them, then load the page again. */
async function configure(settings: Record<string, string>): Promise<void> {
  for (const [key, value] of Object.entries(settings)) await suite.host.cli('config', 'set', key, value);
  await suite.page.reload();
  await expectScreen(suite.page, 'screen-idle');
}

/** The typed number's box, and whether it stays on screen, clear of the keypad and of the Cancel button. */
function typedNumberPlacement(): Promise<{ onScreen: boolean; clearOfKeypad: boolean; fitsItsBox: boolean }> {
  return suite.page.evaluate(() => {
    const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
    const shown = box('[data-testid="typed-number"]');
    const keypad = box('.keypad');
    const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const element = document.querySelector('[data-testid="typed-number"]')!;
    return {
      onScreen: shown.left >= 0 && shown.top >= 0 && shown.right <= window.innerWidth && shown.bottom <= window.innerHeight,
      clearOfKeypad: !overlaps(shown, keypad),
      fitsItsBox: element.scrollWidth <= element.clientWidth + 1,
    };
  });
}

/** A person at a keyboard: one key at a time, slower than any reader. */
async function typeSlowly(keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    await suite.page.keyboard.press(key);
    await suite.page.waitForTimeout(250);
  }
}

/** Usable buttons at the journeys' sizes, no axe violation at the issue's sizes. */
async function checkScreen(name: string): Promise<void> {
  expect(await screenshotAtAllSizes(suite.page, name)).toEqual([]);
  expect(await axeAtAllSizes(suite.page, name)).toEqual([]);
}

describe('issue 15: screens a newcomer tripped over', { timeout: 90_000 }, () => {
  it('the idle screen offers high contrast and large text, on every screen until the session ends', async () => {
    const page = suite.page;
    const option = button('High contrast, large text');
    await option.click();
    expect(await option.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
    await checkScreen('high-contrast-idle');
    await button('Enter ID number').click();
    await expectScreen(page, 'screen-id-entry');
    await pressDigits(page, ada.secondaryCard!);
    await checkScreen('high-contrast-id-entry');
    await page.locator('.keypad').getByRole('button', { name: 'OK', exact: true }).click();
    await expectScreen(page, 'screen-pin-entry');
    await pressDigits(page, ada.pin!);
    await page.locator('.keypad').getByRole('button', { name: 'OK', exact: true }).click();
    await expectScreen(page, 'screen-home');
    await checkScreen('high-contrast-home');
    await button('Log out').click();
    await expectScreen(page, 'screen-idle');
    expect(await option.getAttribute('aria-pressed')).toBe('false');
    expect(await page.evaluate(() => document.documentElement.classList.contains('high-contrast'))).toBe(false);
  });

  it('the keypads work from a keyboard: Tab to a key and press Enter or Space, or type digits, Backspace and Enter', async () => {
    const page = suite.page;
    await button('Enter ID number').click();
    await expectScreen(page, 'screen-id-entry');
    await page.locator('.keypad').getByRole('button', { name: '7', exact: true }).focus();
    await typeSlowly(['Enter', 'Space']);
    expect(await page.getByTestId('typed-number').textContent()).toBe('77');
    await page.locator('.keypad').getByRole('button', { name: '7', exact: true }).evaluate((key) => (key as HTMLElement).blur());
    await typeSlowly(['0', '9', 'Backspace', '1']);
    expect(await page.getByTestId('typed-number').textContent()).toBe('7701');
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    await typeSlowly([...ada.secondaryCard!, 'Enter']);
    await expectScreen(page, 'screen-pin-entry');
    await typeSlowly([...ada.pin!, 'Enter']);
    await expectScreen(page, 'screen-home');
    await button('Log out').click();
    await expectScreen(page, 'screen-idle');
  });

  it('a wedge read with a space or a dash is "Card not recognised", and the host log says why', async () => {
    for (const read of ['1234 5678', '1234-5678']) {
      await swipeWedge(suite.page, read);
      await expectScreen(suite.page, 'notice-unknown-card');
      await button('Back to start').click();
      await expectScreen(suite.page, 'screen-idle');
    }
    const output = suite.host.output();
    expect(output).toContain('refused a card read: card not recognised');
    expect(output).toMatch(/holds space characters/);
    expect(output).toMatch(/holds dash characters/);
    expect(output).not.toContain('5678');
  });

  it('a 32-digit ID number wraps on screen at every size, and the keypad says when no more digits fit', async () => {
    await button('Enter ID number').click();
    await expectScreen(suite.page, 'screen-id-entry');
    await pressDigits(suite.page, '1234567890'.repeat(3) + '123');
    expect(await suite.page.getByTestId('typed-number').textContent()).toBe('1234567890'.repeat(3) + '12');
    expect(await suite.page.getByTestId('digits-full').textContent()).toBe('That is the most: 32 digits.');
    await checkScreen('id-entry-long');
    try {
      for (const { name, width, height } of AXE_SIZES) {
        await suite.page.setViewportSize({ width, height });
        expect({ name, ...(await typedNumberPlacement()) }).toEqual({ name, onScreen: true, clearOfKeypad: true, fitsItsBox: true });
      }
    } finally {
      await suite.page.setViewportSize({ width: 1280, height: 800 });
    }
    await button('Delete last digit').click();
    expect(await suite.page.getByTestId('digits-full').count()).toBe(0);
    await button('Cancel').click();
    await expectScreen(suite.page, 'screen-idle');
  });

  it('a half-typed ID number times out like every other screen: countdown, then the idle screen without the digits', async () => {
    await configure({ 'kiosk.idle-warning-seconds': '5', 'kiosk.idle-timeout-seconds': '10' });
    try {
      await button('Enter ID number').click();
      await expectScreen(suite.page, 'screen-id-entry');
      await pressDigits(suite.page, ada.secondaryCard!.slice(0, 3));
      await expectScreen(suite.page, 'idle-countdown', 15_000);
      expect(await suite.page.getByTestId('idle-countdown').textContent()).toMatch(/back to the start in [1-5] s/);
      // Announced once, not every second: the live region keeps its first value.
      const announced = await suite.page.getByTestId('idle-countdown-announcement').textContent();
      await suite.page.waitForTimeout(1500);
      expect(await suite.page.getByTestId('idle-countdown-announcement').textContent()).toBe(announced);
      await expectScreen(suite.page, 'screen-idle', 15_000);
      await button('Enter ID number').click();
      expect(await suite.page.getByTestId('typed-number').textContent()).toBe('');
      await button('Cancel').click();
    } finally {
      await configure({ 'kiosk.idle-timeout-seconds': '60', 'kiosk.idle-warning-seconds': '10' });
    }
  });

  it('after a new Card/ID number, the number can also be shown as a QR code beside it, made on the kiosk', async () => {
    const page = suite.page;
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await swipeWedge(page, ada.primaryCard);
    await expectScreen(page, 'screen-pin-entry');
    await pressDigits(page, ada.pin!);
    await page.locator('.keypad').getByRole('button', { name: 'OK', exact: true }).click();
    await expectScreen(page, 'screen-home');
    await button('Change Card/ID number').click();
    await button('Generate a new number').click();
    await button('Yes, replace it').click();
    await expectScreen(page, 'screen-change-card-result');
    const before = requests.length;
    await button('Show as QR code').click();
    const qr = page.getByRole('img', { name: 'Your new Card/ID number as a QR code' });
    await qr.waitFor();
    expect(await page.getByTestId('new-card-number').isVisible()).toBe(true);
    expect(await qr.locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    expect(requests.slice(before)).toEqual([]);
    await checkScreen('change-card-result-qr');
    await button('Done').click();
    await button('Log out').click();
    await expectScreen(page, 'screen-idle');
  });
});
