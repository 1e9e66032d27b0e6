import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright';
import { DAILY_LIMIT_MESSAGE } from '../../src/core/index.js';
import { http, removeDir, tempDir, type AdminSession, type CentralProcess } from '../support/centralProcess.js';
import { setCentralConfig, startDirectoryCentral } from '../support/directoryCentral.js';
import { axeViolations, describeViolations } from '../support/e2eAxe.js';
import { launchChromium, openKioskPage } from '../support/e2eBrowser.js';
import { kioskCli, makeDataDir, startKioskHost, type KioskProcess } from '../support/e2eKioskHost.js';
import { enterOnKeypad, expectScreen, swipeWedge } from '../support/e2eKioskPage.js';
import { startTestSlapd, type TestSlapd } from '../support/directorySlapd.js';

/**
 * The User web interface in Debian's Chromium against a real central store process, a private
 * slapd, and a kiosk host in web mode enrolled with the same central store: what a user changes on
 * the web works at the kiosk, and the daily limit counts kiosk and web changes together.
 */
const SCREENS = path.resolve('test-results/user-web');
const VIEWPORTS = [
  { name: '390x844', width: 390, height: 844, uid: 'ada', cn: 'Ada Lovelace', card: '0047110815' },
  { name: '1280x800', width: 1280, height: 800, uid: 'grace', cn: 'Grace Hopper', card: '0047110816' },
] as const;

let dir: string;
let slapd: TestSlapd;
let central: CentralProcess;
let admin: AdminSession;
let host: KioskProcess;
let browser: Browser;

const setConfig = (name: string, value: unknown) => setCentralConfig(admin, name, value);

beforeAll(async () => {
  dir = await tempDir('bk-e2e-userweb-');
  slapd = await startTestSlapd(VIEWPORTS.map((v) => ({ uid: v.uid, cn: v.cn, password: `${v.uid}-pass`, mail: `${v.uid}@example.org`, employeeNumber: v.card })));
  [{ central, admin }, browser] = await Promise.all([startDirectoryCentral(dir, `sqlite:${path.join(dir, 'central.sqlite')}`, slapd), launchChromium()]);
  await setConfig('auth.max-failed-pin-attempts', 3);
  const kiosk = await admin.call('POST', '/api/v1/admin/kiosks', { name: 'e2e-user-web' });
  const dataDir = makeDataDir();
  await kioskCli(dataDir, 'kiosk', 'enroll', '--central', central.url, '--code', kiosk.body.enrollmentCode as string);
  host = await startKioskHost({ dataDir });
  mkdirSync(SCREENS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await central?.stop();
  await slapd?.stop();
  if (host) await removeDir(host.dataDir);
  if (dir) await removeDir(dir);
});

describe.each(VIEWPORTS)('User web interface at $name', { timeout: 120_000 }, (viewport) => {
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];
  const PIN = viewport.uid === 'ada' ? '2580' : '3691';

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
    ({ page, pageErrors } = await openKioskPage(context, `${central.url}/`));
  });
  afterAll(async () => context?.close());
  afterEach(() => expect(pageErrors).toEqual([]));

  const shot = (screen: string) => page.screenshot({ path: path.join(SCREENS, `${screen}-${viewport.name}.png`), fullPage: true });
  const noAxeViolations = async (screen: string) => {
    expect(describeViolations(screen, await axeViolations(page))).toEqual([]);
    await shot(screen);
  };
  const directoryForm = () => page.getByRole('form', { name: 'Sign in with your username and password' });
  const cardForm = () => page.getByRole('form', { name: 'Sign in with your Card/ID number and PIN' });
  const signOut = async () => {
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await directoryForm().waitFor();
  };

  it('`/` leads to the sign-in page; a directory sign-in shows the summary with masked numbers', async () => {
    expect(page.url()).toBe(`${central.url}/user/`);
    await directoryForm().waitFor();
    await noAxeViolations('sign-in');
    await directoryForm().getByLabel('Username').fill(viewport.uid);
    await directoryForm().getByLabel('Password').fill('wrong');
    await directoryForm().getByRole('button', { name: 'Sign in' }).click();
    await expect(directoryForm().getByRole('alert').textContent()).resolves.toBe('Wrong username or password.');
    await noAxeViolations('sign-in-refused');
    await directoryForm().getByLabel('Password').fill(`${viewport.uid}-pass`);
    await directoryForm().getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: viewport.cn }).waitFor();
    expect(await page.getByText(`••••••${viewport.card.slice(-4)}`).count()).toBeGreaterThan(0);
    await noAxeViolations('summary');
  });

  it('Change Details → Change Card/ID PIN: a weak PIN is refused with the reason, a good one accepted and then works at a kiosk', async () => {
    await page.getByRole('link', { name: 'Change Details' }).click();
    await page.getByRole('heading', { name: 'Change Card/ID PIN' }).waitFor();
    expect(page.url()).toBe(`${central.url}/user/change-details`);
    await noAxeViolations('change-details');
    const form = page.getByRole('form', { name: 'Change Card/ID PIN' });
    await form.getByLabel('New PIN', { exact: true }).fill('1111');
    await form.getByLabel('Confirm new PIN').fill('1111');
    await form.getByRole('button', { name: 'Change PIN' }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toBe('The PIN must not repeat a single digit (such as 1111).');
    await noAxeViolations('change-pin-refused');
    await form.getByLabel('New PIN', { exact: true }).fill(PIN);
    await form.getByLabel('Confirm new PIN').fill(PIN);
    await form.getByRole('button', { name: 'Change PIN' }).click();
    await expect(form.getByRole('status').textContent()).resolves.toContain('Your PIN has been changed.');
    await noAxeViolations('change-pin-done');

    const kiosk = await openKioskPage(context, host.url);
    await expectScreen(kiosk.page, 'screen-idle');
    // The change reaches the kiosk through the live channel; swipe until it has (a fresh user may need one pull).
    await expect.poll(async () => {
      await swipeWedge(kiosk.page, viewport.card);
      const onPin = await kiosk.page.getByTestId('screen-pin-entry').isVisible().catch(() => false);
      if (!onPin) await kiosk.page.waitForTimeout(500);
      return onPin;
    }, { timeout: 30_000 }).toBe(true);
    await enterOnKeypad(kiosk.page, PIN);
    await expectScreen(kiosk.page, 'screen-home');
    // One Card/ID change at the kiosk first: the web must count it.
    await kiosk.page.getByRole('button', { name: 'Change Card/ID number', exact: true }).click();
    await kiosk.page.getByRole('button', { name: 'Generate a new number', exact: true }).click();
    await kiosk.page.getByRole('button', { name: 'Yes, replace it', exact: true }).click();
    await expectScreen(kiosk.page, 'screen-change-card-result', 30_000);
    await kiosk.page.getByRole('button', { name: 'Done', exact: true }).click();
    await kiosk.page.getByRole('button', { name: 'Log out', exact: true }).click();
    await expectScreen(kiosk.page, 'screen-idle');
    expect(kiosk.pageErrors).toEqual([]);
    await kiosk.page.close();
  });

  it('Change Number shows the new number once, in full, until the exact daily-limit message', async () => {
    await page.reload();
    await page.getByText('Changes left today: 2 of 3').waitFor();
    const panel = page.getByRole('region', { name: 'Card/ID number' });
    let last = '';
    for (const left of [1, 0]) {
      await panel.getByRole('button', { name: 'Change Number' }).click();
      await panel.getByText(`Changes left today: ${left} of 3`).waitFor();
      last = (await panel.locator('.big-number').textContent()) ?? '';
      expect(last).toMatch(/^[1-9]\d{7}$/);
      expect(await panel.getByRole('status').textContent()).toContain(last);
    }
    await noAxeViolations('change-number-done');
    await panel.getByRole('button', { name: 'Change Number' }).click();
    await expect(panel.getByRole('alert').textContent()).resolves.toBe(DAILY_LIMIT_MESSAGE);
    expect(await panel.locator('.big-number').count()).toBe(0);
    await noAxeViolations('change-number-limit');
    // The number is masked everywhere else.
    await page.getByRole('link', { name: 'Summary' }).click();
    await page.getByText(`••••${last.slice(-4)}`).waitFor();
    expect(await page.getByText(last, { exact: true }).count()).toBe(0);
    await signOut();
  });

  it('Card/ID + PIN sign-in works, and wrong PINs lock the typed number, not the account (as a typed ID at the kiosk)', async () => {
    const users = await admin.call('GET', `/api/v1/admin/users?search=${viewport.uid}`);
    const card = users.body.users[0].primaryCard as string;
    await cardForm().getByLabel('Card/ID number').fill(card);
    await cardForm().getByLabel('PIN', { exact: true }).fill(PIN);
    await cardForm().getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: viewport.cn }).waitFor();
    await page.getByRole('link', { name: 'Change Details' }).click();
    await page.getByRole('form', { name: 'Change Card/ID PIN' }).getByLabel('Current PIN').waitFor();
    await noAxeViolations('change-details-card-sign-in');
    await signOut();
    for (let attempt = 1; attempt <= 3; attempt++) {
      await cardForm().getByLabel('Card/ID number').fill(card);
      await cardForm().getByLabel('PIN', { exact: true }).fill('9999');
      await cardForm().getByRole('button', { name: 'Sign in' }).click();
      const expected = attempt < 3 ? 'Card/ID number or PIN not recognised.' : /^Too many wrong attempts\. Try again in \d+ minutes\.$/;
      await expect.poll(() => cardForm().getByRole('alert').textContent()).toMatch(expected);
    }
    await noAxeViolations('card-sign-in-locked');
    // Issue 11, finding 5: whoever knows the number cannot lock its holder out.
    const row = await admin.call('GET', `/api/v1/admin/users?search=${viewport.uid}`);
    expect(row.body.users[0]).toMatchObject({ failedAttempts: 0, lockedUntil: null });
  });

  it('with both change options off, the Change Details menu item is gone', async () => {
    await setConfig('user.allow-change-pin', false);
    await setConfig('user.allow-change-card-id', false);
    try {
      await directoryForm().getByLabel('Username').fill(viewport.uid);
      await directoryForm().getByLabel('Password').fill(`${viewport.uid}-pass`);
      await directoryForm().getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: viewport.cn }).waitFor();
      expect(await page.getByRole('link', { name: 'Change Details' }).count()).toBe(0);
      await page.goto(`${central.url}/user/change-details`);
      await page.getByRole('heading', { name: 'Summary' }).waitFor();
      expect(await page.getByRole('link', { name: 'Change Details' }).count()).toBe(0);
      await noAxeViolations('no-change-details');
      await signOut();
    } finally {
      await setConfig('user.allow-change-pin', true);
      await setConfig('user.allow-change-card-id', true);
    }
  });

  it('serves the app with a strict CSP and cache rules', async () => {
    const index = await fetch(`${central.url}/user/`);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(index.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('referrer-policy')).toBe('no-referrer');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const asset = /src="(\/user\/assets\/[^"]+\.js)"/.exec(await index.text())![1]!;
    expect((await fetch(`${central.url}${asset}`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await http(`${central.url}/user/..%2f..%2fpackage.json`, 'GET')).status).toBe(404);
  });
});
