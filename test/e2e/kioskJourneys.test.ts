import type { Page } from 'playwright';
import { DEMO_USERS } from '../../src/host/demoUsers.js';
import { screenshotAtAllSizes } from '../support/e2eBrowser.js';
import type { KioskProcess } from '../support/e2eKioskHost.js';
import { kioskSuite } from '../support/e2eKioskSuite.js';
import { photographForDocs } from '../support/e2eDocScreenshots.js';
import { axeAtAllSizes } from '../support/e2eScreenAxe.js';
import { enterOnKeypad, expectScreen, pressDigits, pressOk, swipeWedge } from '../support/e2eKioskPage.js';

/**
 * The touchscreen journeys of issue 5 in Debian's Chromium against the real web-mode host (a
 * `badgekiosk start --web` child process on the embedded default with its demo users). Cards
 * arrive as keyboard-wedge keystrokes; PINs are clicked on the on-screen keypad. Every screen is
 * photographed at 800×480, 1280×800 and 1080×1920 into test-results/kiosk-screens/, and at each
 * size every button must be at least 48 px and wholly on screen.
 *
 * One host and one page for the whole file (wall time); each journey starts and ends at idle and
 * uses its own demo user where it changes that user's state.
 */

function demoUser(username: string) {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user;
}
const ada = demoUser('ada');
const grace = demoUser('grace');
const alan = demoUser('alan');

const suite = kioskSuite();
let host: KioskProcess;
let page: Page;
beforeAll(() => {
  ({ host, page } = suite);
});

/** Photographs the screen at every size, and checks it: usable buttons, no axe violation of any impact. */
async function shoot(screen: string): Promise<void> {
  expect(await screenshotAtAllSizes(page, screen)).toEqual([]);
  expect(await axeAtAllSizes(page, screen)).toEqual([]);
}

const heading = () => page.getByRole('heading', { level: 1 });
const button = (name: string) => page.getByRole('button', { name, exact: true });

async function signIn(card: string, pin: string, name: string): Promise<void> {
  await swipeWedge(page, card);
  await expectScreen(page, 'screen-pin-entry');
  await enterOnKeypad(page, pin);
  await expectScreen(page, 'screen-home');
  expect(await heading().textContent()).toBe(`Welcome, ${name}`);
}

async function logOut(): Promise<void> {
  await button('Log out').click();
  await expectScreen(page, 'screen-idle');
}

describe('kiosk journeys in Chromium (web mode)', { timeout: 90_000 }, () => {
  it('opened without its token, or with a wrong one, the page shows no kiosk and says where the address comes from', async () => {
    const origin = new URL(host.url).origin;
    for (const url of [`${origin}/`, `${origin}/#token=${'0'.repeat(64)}`]) {
      const other = await page.context().newPage();
      await other.goto(url);
      await other.getByTestId('startup').filter({ hasText: 'badgekiosk start prints' }).waitFor();
      expect(await other.getByTestId('screen-idle').count()).toBe(0);
      await other.close();
    }
  });

  it('idle: swipe prompt, Enter ID number, language choice, status bar', async () => {
    expect(await heading().textContent()).toBe('Swipe or tap your card');
    expect(await page.getByTestId('status-reader').textContent()).toBe('Reader ready');
    expect(await page.getByTestId('status-sync').textContent()).toBe('Standalone kiosk');
    await shoot('idle');
    await page.getByRole('button', { name: 'Sprache: Deutsch' }).click();
    expect(await heading().textContent()).toBe('Karte durchziehen oder auflegen');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await shoot('idle-de');
    await page.getByRole('button', { name: 'Langue: Français' }).click();
    expect(await heading().textContent()).toBe('Passez ou présentez votre carte');
    await page.getByRole('button', { name: 'Language: English' }).click();
    expect(await button('Enter ID number').isVisible()).toBe(true);
  });

  it('a wedge swipe opens the PIN pad; the PIN clicked on the keypad shows as dots and signs in', async () => {
    await swipeWedge(page, ada.primaryCard);
    await expectScreen(page, 'screen-pin-entry');
    await pressDigits(page, ada.pin!.slice(0, 2));
    expect(await page.getByTestId('pin-dots').locator('.pin-dot').count()).toBe(2);
    expect(await page.getByTestId('screen-pin-entry').textContent()).not.toContain(ada.pin!.slice(0, 2));
    await shoot('pin-entry');
    await pressDigits(page, ada.pin!.slice(2));
    await pressOk(page);
    await expectScreen(page, 'screen-home');
    expect(await heading().textContent()).toBe('Welcome, Ada Lovelace');
    expect(await button('Change PIN').isVisible()).toBe(true);
    expect(await button('Change Card/ID number').isVisible()).toBe(true);
    await shoot('home');
  });

  it('a second swipe of the same card logs out', async () => {
    await swipeWedge(page, ada.primaryCard);
    await expectScreen(page, 'screen-idle');
    expect(await page.getByText('You have been logged out.').isVisible()).toBe(true);
    await shoot('logged-out');
  });

  it('a wrong PIN says how many attempts are left; the right PIN then works', async () => {
    await swipeWedge(page, ada.primaryCard);
    await expectScreen(page, 'screen-pin-entry');
    await enterOnKeypad(page, '0000');
    await expectScreen(page, 'notice-wrong-pin');
    expect(await page.getByText('You have 4 attempts left before your account is locked.').isVisible()).toBe(true);
    await shoot('wrong-pin');
    await button('Try again').click();
    await expectScreen(page, 'screen-pin-entry');
    await enterOnKeypad(page, ada.pin!);
    await expectScreen(page, 'screen-home');
    await logOut();
  });

  it('an ID number typed on the keypad, then the PIN, signs in', async () => {
    await button('Enter ID number').click();
    await expectScreen(page, 'screen-id-entry');
    await pressDigits(page, ada.secondaryCard!);
    expect(await page.getByTestId('typed-number').textContent()).toBe(ada.secondaryCard);
    await shoot('id-entry');
    await pressOk(page);
    await expectScreen(page, 'screen-pin-entry');
    await enterOnKeypad(page, ada.pin!);
    await expectScreen(page, 'screen-home');
    await logOut();
  });

  it('an unknown card gets a clear screen', async () => {
    await swipeWedge(page, '0000000042');
    await expectScreen(page, 'notice-unknown-card');
    expect(await heading().textContent()).toBe('Card not recognised');
    await shoot('unknown-card');
    await button('Back to start').click();
    await expectScreen(page, 'screen-idle');
  });

  it('a typed ID of a user without a PIN is not recognised: no PIN can be claimed by knowing an ID', async () => {
    await button('Enter ID number').click();
    await enterOnKeypad(page, grace.primaryCard);
    await expectScreen(page, 'screen-pin-entry');
    await enterOnKeypad(page, '4826');
    await expectScreen(page, 'notice-invalid-credentials');
    await shoot('not-recognised');
    await button('Try again').click();
    await expectScreen(page, 'screen-pin-entry');
    await button('Cancel').click();
    await expectScreen(page, 'screen-idle');
  });

  it('first login: a card without a PIN chooses one; the policy is explained in words', async () => {
    await swipeWedge(page, grace.primaryCard);
    await expectScreen(page, 'screen-first-pin');
    await shoot('first-pin');
    await enterOnKeypad(page, '1111');
    await expectScreen(page, 'screen-first-pin-confirm');
    await enterOnKeypad(page, '1111');
    await expectScreen(page, 'screen-first-pin');
    expect(await page.getByRole('alert').textContent()).toBe('A PIN may not repeat one digit throughout, like 1111.');
    await shoot('first-pin-policy');
    await enterOnKeypad(page, '4826');
    await enterOnKeypad(page, '4826');
    await expectScreen(page, 'screen-home');
    expect(await heading().textContent()).toBe('Welcome, Grace Hopper');
    await logOut();
    await signIn(grace.primaryCard, '4826', 'Grace Hopper');
    await logOut();
  });

  it('change PIN: each step checked as it is typed (wrong current PIN, straight run, different repeat); the new PIN works', async () => {
    await signIn(alan.primaryCard, alan.pin!, 'Alan Turing');
    await button('Change PIN').click();
    await expectScreen(page, 'screen-change-pin-current');
    await shoot('change-pin');
    await enterOnKeypad(page, '0000');
    await page.getByRole('alert').filter({ hasText: 'That is not your current PIN. You have 4 attempts left' }).waitFor();
    await expectScreen(page, 'screen-change-pin-current');
    await enterOnKeypad(page, alan.pin!);
    await expectScreen(page, 'screen-change-pin-new');
    await pressDigits(page, '123');
    expect(await page.locator('.keypad').getByRole('button', { name: 'OK', exact: true }).isDisabled()).toBe(true);
    await enterOnKeypad(page, '4');
    await expectScreen(page, 'screen-change-pin-new');
    expect(await page.getByRole('alert').textContent()).toBe('A PIN may not be a straight run of digits, like 1234 or 9876.');
    await shoot('change-pin-policy');
    await enterOnKeypad(page, '8264');
    await enterOnKeypad(page, '8246');
    await expectScreen(page, 'screen-change-pin-new');
    expect(await page.getByRole('alert').textContent()).toBe('The two new PINs were not the same. Please start again.');
    await enterOnKeypad(page, '8264');
    await enterOnKeypad(page, '8264');
    await expectScreen(page, 'screen-change-pin-done');
    await shoot('change-pin-done');
    await button('Done').click();
    await expectScreen(page, 'screen-home');
    await logOut();
    await signIn(alan.primaryCard, '8264', 'Alan Turing');
  });

  it('change Card/ID number: generate, confirm, the new number shown large; the old card stops working', async () => {
    await button('Change Card/ID number').click();
    await expectScreen(page, 'screen-change-card');
    expect(await page.getByText('This changes your primary Card/ID number.').isVisible()).toBe(true);
    expect(await page.getByTestId('current-card').textContent()).toBe(alan.primaryCard);
    await shoot('change-card');
    await button('Generate a new number').click();
    await expectScreen(page, 'screen-change-card-confirm');
    await shoot('change-card-confirm');
    await button('Yes, replace it').click();
    await expectScreen(page, 'screen-change-card-result');
    const newNumber = (await page.getByTestId('new-card-number').textContent()) ?? '';
    expect(newNumber).toMatch(/^\d{8}$/);
    expect(await page.getByText('Your old number no longer works. Please write the new one down.').isVisible()).toBe(true);
    await shoot('change-card-result');
    await button('Done').click();
    await logOut();
    await swipeWedge(page, alan.primaryCard);
    await expectScreen(page, 'notice-unknown-card');
    await button('Back to start').click();
    await signIn(newNumber, '8264', 'Alan Turing');
  });

  it('past the daily limit of Card/ID changes the exact message is shown', async () => {
    const generate = async () => {
      await button('Change Card/ID number').click();
      await button('Generate a new number').click();
      await button('Yes, replace it').click();
    };
    for (let change = 2; change <= 3; change++) {
      await generate();
      await expectScreen(page, 'screen-change-card-result');
      await button('Done').click();
    }
    // At 0 changes left the limit is said at once, with nothing to press but Back.
    await button('Change Card/ID number').click();
    await expectScreen(page, 'screen-change-card');
    expect(
      await page
        .getByText('Your ID number has been changed too many times. Please contact your system administrator for assistance.', { exact: true })
        .isVisible(),
    ).toBe(true);
    expect(await button('Generate a new number').count()).toBe(0);
    await shoot('daily-limit');
    await button('Back').click();
    await expectScreen(page, 'screen-home');
    await logOut();
  });

  it('idle logout: a visible countdown, "stay" restarts it, then the session ends by itself', async () => {
    // The warning must stay shorter than the timeout at every step.
    await host.cli('config', 'set', 'kiosk.idle-warning-seconds', '5');
    await host.cli('config', 'set', 'kiosk.idle-timeout-seconds', '10');
    try {
      await signIn(ada.primaryCard, ada.pin!, 'Ada Lovelace');
      await expectScreen(page, 'idle-countdown', 15_000);
      expect(await page.getByTestId('idle-countdown').textContent()).toMatch(/No activity: logging out in [1-5] s/);
      await shoot('idle-countdown');
      await button('Stay signed in').click();
      await page.getByTestId('idle-countdown').waitFor({ state: 'hidden' });
      expect(await page.getByTestId('screen-home').isVisible()).toBe(true);
      await expectScreen(page, 'idle-countdown', 15_000);
      await expectScreen(page, 'screen-idle', 15_000);
      expect(await page.getByText('You have been logged out.').isVisible()).toBe(true);
    } finally {
      await host.cli('config', 'set', 'kiosk.idle-timeout-seconds', '60');
      await host.cli('config', 'set', 'kiosk.idle-warning-seconds', '10');
    }
  });

  it('home offers only the actions the configuration allows', async () => {
    await host.cli('config', 'set', 'user.allow-change-card-id', 'false');
    try {
      await signIn(ada.primaryCard, ada.pin!, 'Ada Lovelace');
      expect(await button('Change PIN').isVisible()).toBe(true);
      expect(await button('Change Card/ID number').count()).toBe(0);
      await shoot('home-pin-only');
      await logOut();
    } finally {
      await host.cli('config', 'set', 'user.allow-change-card-id', 'true');
    }
  });

  it('where typing is allowed, a typed number is checked before its confirmation, and a refusal does not outlive Cancel', async () => {
    await host.cli('config', 'set', 'user.change-card-id.auto-generate-only', 'false');
    await host.cli('config', 'set', 'user.change-card-id.which', 'secondary');
    const alert = page.getByRole('alert');
    try {
      await signIn(ada.primaryCard, ada.pin!, 'Ada Lovelace');
      await button('Change Card/ID number').click();
      expect(await page.getByText('This changes your secondary Card/ID number.').isVisible()).toBe(true);
      expect(await page.getByTestId('current-card').textContent()).toBe(ada.secondaryCard);
      await button('Type a new number').click();
      await expectScreen(page, 'screen-change-card-type');
      // Under card-id.min-length (4) OK cannot be pressed.
      await pressDigits(page, '770');
      expect(await page.locator('.keypad').getByRole('button', { name: 'OK', exact: true }).isDisabled()).toBe(true);
      await button('Cancel').click();
      await button('Type a new number').click();
      await pressDigits(page, alan.secondaryCard!);
      await shoot('change-card-type');
      // A number in use is refused on the keypad screen, before any "Yes, replace it".
      await pressOk(page);
      await alert.filter({ hasText: 'That number is already in use. Please choose another one.' }).waitFor();
      expect(await page.getByTestId('screen-change-card-confirm').count()).toBe(0);
      await expectScreen(page, 'screen-change-card-type');
      await shoot('change-card-type-in-use');
      await photographForDocs(page, 'card-type-in-use');
      await button('Cancel').click();
      await expectScreen(page, 'screen-change-card');
      expect(await alert.count()).toBe(0);
      await button('Type a new number').click();
      expect(await alert.count()).toBe(0);
      await enterOnKeypad(page, '770123');
      await expectScreen(page, 'screen-change-card-confirm');
      await button('Yes, replace it').click();
      await expectScreen(page, 'screen-change-card-result');
      expect(await page.getByTestId('new-card-number').textContent()).toBe('770123');
      await button('Done').click();
      // The limit reached while the keypad is up (here lowered by the administrator): said at OK, no confirmation.
      await button('Change Card/ID number').click();
      await button('Type a new number').click();
      await host.cli('config', 'set', 'user.can-change-card-id.num-times-per-day', '1');
      await enterOnKeypad(page, '770124');
      await expectScreen(page, 'notice-daily-limit');
      expect(await page.getByTestId('screen-change-card-confirm').count()).toBe(0);
      expect(await page.getByText('Your ID number has been changed too many times. Please contact your system administrator for assistance.', { exact: true }).isVisible()).toBe(true);
      await button('Back').click();
      await expectScreen(page, 'screen-home');
      await logOut();
    } finally {
      await host.cli('config', 'set', 'user.can-change-card-id.num-times-per-day', '3');
      await host.cli('config', 'set', 'user.change-card-id.which', 'primary');
      await host.cli('config', 'set', 'user.change-card-id.auto-generate-only', 'true');
    }
  });

  it('too many wrong PINs lock the user out until a stated local time', async () => {
    await swipeWedge(page, ada.primaryCard);
    for (let attempt = 1; attempt <= 4; attempt++) {
      await expectScreen(page, 'screen-pin-entry');
      await enterOnKeypad(page, '0000');
      await expectScreen(page, 'notice-wrong-pin');
      await button('Try again').click();
    }
    await enterOnKeypad(page, '0000');
    await expectScreen(page, 'notice-locked-out');
    const text = (await page.getByTestId('notice-locked-out').textContent()) ?? '';
    // The time is the kiosk's local clock time in the language's format (en: 12-hour).
    expect(text).toMatch(/You can try again after \d{1,2}:\d{2}( [AP]M)?\./);
    await shoot('locked-out');
    await button('Back to start').click();
    await expectScreen(page, 'screen-idle');
  });
});
