import path from 'node:path';
import type { Browser, Page } from 'playwright';
import { removeDir, tempDir, type CentralProcess } from '../support/centralProcess.js';
import { setCentralConfig, startDirectoryCentral } from '../support/directoryCentral.js';
import { startTestSlapd, type TestSlapd } from '../support/directorySlapd.js';
import { launchChromium, openKioskPage, screenshotAtAllSizes } from '../support/e2eBrowser.js';
import { kioskCli, makeDataDir, startKioskHost, type KioskProcess } from '../support/e2eKioskHost.js';
import { enterOnKeypad, expectScreen, swipeWedge } from '../support/e2eKioskPage.js';
import { tapOnScreenKeyboard } from '../support/e2eOnScreenKeyboard.js';
import { photographForDocs } from '../support/e2eDocScreenshots.js';
import { axeAtAllSizes } from '../support/e2eScreenAxe.js';

/**
 * Card self-association at the kiosk (issue 14 item 4), in web mode: a real `badgekiosk central`
 * process with a private slapd as its directory, the kiosk enrolled with `badgekiosk kiosk enroll`,
 * its web-mode host as a child process, Debian's Chromium on the page. An unknown card is linked by
 * its owner with their directory password on the on-screen keyboard, a first PIN is set, and the
 * card then works; a wrong password and a central store that is gone are refused in words.
 */

const CARD = '0009900123';
const OTHER_CARD = '0009900456';
const PASSWORD = 'Cobol-1959';
const PIN = '4826';

let dir: string;
let slapd: TestSlapd;
let central: CentralProcess;
let host: KioskProcess;
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  dir = await tempDir('badgekiosk-e2e-link-');
  [slapd, browser] = await Promise.all([startTestSlapd([{ uid: 'grace', cn: 'Grace Hopper', password: PASSWORD }]), launchChromium()]);
  const started = await startDirectoryCentral(dir, `sqlite:${path.join(dir, 'central.sqlite')}`, slapd, { cardAttribute: '' });
  central = started.central;
  await setCentralConfig(started.admin, 'card-id.self-association', true);
  const kiosk = await started.admin.call('POST', '/api/v1/admin/kiosks', { name: 'e2e-link' });
  if (kiosk.status !== 201) throw new Error(`kiosk create failed: ${JSON.stringify(kiosk.body)}`);
  const dataDir = makeDataDir();
  // Enrollment's first sync brings card-id.self-association with it.
  await kioskCli(dataDir, 'kiosk', 'enroll', '--central', central.url, '--code', kiosk.body.enrollmentCode as string);
  host = await startKioskHost({ dataDir });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  ({ page, pageErrors } = await openKioskPage(context, host.url));
  await expectScreen(page, 'screen-idle');
  await page.getByTestId('status-sync').filter({ hasText: 'Central store connected' }).waitFor({ timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await central?.kill();
  await slapd?.stop();
  if (host) await removeDir(host.dataDir);
  if (dir) await removeDir(dir);
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

const button = (name: string) => page.getByRole('button', { name, exact: true });
const field = (name: string) => page.getByLabel(name, { exact: true });

const photograph = (name: string) => photographForDocs(page, name);

describe('linking an unknown card at the kiosk (web mode)', { timeout: 120_000 }, () => {
  it('an unknown card offers the sign-in; a wrong password is refused in an alert and forgotten', async () => {
    await swipeWedge(page, CARD);
    await expectScreen(page, 'screen-link-card');
    expect(await page.getByRole('heading', { name: "This card isn't registered." }).isVisible()).toBe(true);
    expect(await page.getByText('Sign in to link it to your account.').isVisible()).toBe(true);
    expect(await axeAtAllSizes(page, 'link-card')).toEqual([]);
    expect(await screenshotAtAllSizes(page, 'link-card')).toEqual([]);
    await photograph('link-card');

    await tapOnScreenKeyboard(page, 'grace');
    await field('Password').click();
    await tapOnScreenKeyboard(page, 'Cobol-1958');
    expect(await field('Password').inputValue()).toBe('Cobol-1958');
    await button('Sign in').click();
    const alert = page.getByRole('alert').filter({ hasText: 'Wrong username or password.' });
    await alert.waitFor({ timeout: 30_000 });
    await expectScreen(page, 'screen-link-card');
    expect(await field('Username').inputValue()).toBe('grace');
    expect(await field('Password').inputValue()).toBe('');
    expect(await axeAtAllSizes(page, 'link-card-wrong-password')).toEqual([]);
    await photograph('link-card-wrong-password');
  });

  it('the right password links the card, a first PIN is set, and the user is signed in; the card then works', async () => {
    await tapOnScreenKeyboard(page, PASSWORD);
    await button('Sign in').click();
    await expectScreen(page, 'screen-first-pin', 30_000);
    await enterOnKeypad(page, PIN);
    await expectScreen(page, 'screen-first-pin-confirm');
    await enterOnKeypad(page, PIN);
    await expectScreen(page, 'screen-home');
    expect(await page.getByText('Grace Hopper').first().isVisible()).toBe(true);
    await button('Log out').click();
    await expectScreen(page, 'screen-idle');

    await swipeWedge(page, CARD);
    await expectScreen(page, 'screen-pin-entry');
    await enterOnKeypad(page, PIN);
    await expectScreen(page, 'screen-home');
    await button('Log out').click();
    await expectScreen(page, 'screen-idle');
  });

  it('the keyboard follows the kiosk language and can be worked from a physical keyboard', async () => {
    await swipeWedge(page, OTHER_CARD);
    await expectScreen(page, 'screen-link-card');
    const keyboard = page.getByTestId('on-screen-keyboard');
    // QWERTY in English: y is the sixth key of the top row.
    expect(await keyboard.locator('.osk-row').first().getByRole('button').nth(5).textContent()).toBe('y');
    await field('Username').focus();
    await page.keyboard.type('grace', { delay: 150 });
    expect(await field('Username').inputValue()).toBe('grace');
    await page.keyboard.press('Backspace');
    expect(await field('Username').inputValue()).toBe('grac');
    // Tab reaches the keys; Enter presses one.
    await keyboard.getByRole('button', { name: 'e', exact: true }).focus();
    await page.keyboard.press('Enter');
    expect(await field('Username').inputValue()).toBe('grace');
  });

  it('with the central store gone, the link is refused with a message that says it needs the central store', async () => {
    await field('Password').click();
    await tapOnScreenKeyboard(page, PASSWORD);
    await central.kill();
    await button('Sign in').click();
    await page.getByRole('alert').filter({ hasText: 'Linking a card needs the central store' }).waitFor({ timeout: 45_000 });
    await expectScreen(page, 'screen-link-card');
    expect(await field('Password').inputValue()).toBe('');
    expect(await axeAtAllSizes(page, 'link-card-central-unreachable')).toEqual([]);
    await photograph('link-card-central-unreachable');
    await button('Cancel').click();
    await expectScreen(page, 'screen-idle');
  });

  it.each([
    ['Sprache: Deutsch', 'de', 'Diese Karte ist nicht registriert.', 'ü'],
    ['Langue: Français', 'fr', "Cette carte n'est pas enregistrée.", 'é'],
  ])('%s: the screen and its keyboard in the language, accessible at every size', async (languageButton, code, title, key) => {
    await page.getByRole('button', { name: languageButton }).click();
    await swipeWedge(page, `000990077${code === 'de' ? 1 : 2}`);
    await expectScreen(page, 'screen-link-card');
    expect(await page.getByRole('heading', { name: title }).isVisible()).toBe(true);
    // The central store is gone (the test before): the screen says at once that linking needs it.
    await page.getByTestId('link-central-offline').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('on-screen-keyboard').getByRole('button', { name: key, exact: true }).isVisible()).toBe(true);
    expect(await axeAtAllSizes(page, `link-card-${code}`)).toEqual([]);
    expect(await screenshotAtAllSizes(page, `link-card-${code}`)).toEqual([]);
    await photograph(`link-card-${code}`);
    await page.locator('.link-actions button').first().click();
    await expectScreen(page, 'screen-idle');
  });

  it('the password never reached the host log', () => {
    expect(host.output()).not.toContain(PASSWORD);
    expect(host.output()).not.toContain('Cobol-1958');
  });
});
