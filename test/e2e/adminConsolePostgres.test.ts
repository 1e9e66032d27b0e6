import type { Browser, Page } from 'playwright';
import { startTestPostgres, type TestPostgres } from '../support/centralPostgres.js';
import { ADMIN, adminLogin, createAdminWithCli, eventually, removeDir, startCentralProcess, tempDir, type CentralProcess } from '../support/centralProcess.js';
import { controlsKeyboardCannotReach, requireBuiltConsole, signInOnPage } from '../support/adminConsolePage.js';
import { axeViolations, describeViolations } from '../support/e2eAxe.js';
import { launchChromium } from '../support/e2eChromium.js';
import { kioskCli, makeDataDir, startKioskHost, type KioskProcess } from '../support/e2eKioskHost.js';
import { enterOnKeypad, expectScreen, swipeWedge } from '../support/e2eKioskPage.js';

/**
 * The admin console against a central store on PostgreSQL, with a real web-mode kiosk host
 * (`badgekiosk start --web`, enrolled with `badgekiosk kiosk enroll`) on a second page: what an
 * administrator applies in Options > General is what a person at the kiosk sees.
 */

const CARD = '0007700456';
const PIN = '2580';

let dir: string;
let postgres: TestPostgres;
let central: CentralProcess;
let host: KioskProcess;
let browser: Browser;
let admin: Page;
let kiosk: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  requireBuiltConsole();
  dir = await tempDir('bk-admin-console-pg-');
  postgres = await startTestPostgres();
  const db = await postgres.createDatabase('console');
  await createAdminWithCli(dir, db);
  [central, browser] = await Promise.all([startCentralProcess({ dataDir: dir, db }), launchChromium()]);
  const api = await adminLogin(central.url);
  const user = await api.call('POST', '/api/v1/admin/users', { username: 'hedy', displayName: 'Hedy Lamarr', primaryCard: CARD, pin: PIN });
  if (user.status !== 201) throw new Error(`user create failed: ${JSON.stringify(user.body)}`);
  const created = await api.call('POST', '/api/v1/admin/kiosks', { name: 'pg-lobby' });
  const kioskDir = makeDataDir();
  await kioskCli(kioskDir, 'kiosk', 'enroll', '--central', central.url, '--code', created.body.enrollmentCode as string);
  host = await startKioskHost({ dataDir: kioskDir });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  admin = await context.newPage();
  kiosk = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  for (const page of [admin, kiosk]) page.on('pageerror', (error) => pageErrors.push(error.message));
  await kiosk.goto(host.url);
  await expectScreen(kiosk, 'screen-idle');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await central?.kill();
  postgres?.stop();
  if (host) await removeDir(host.dataDir);
  if (dir) await removeDir(dir);
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

async function axeClean(page: Page, screen: string): Promise<void> {
  expect(describeViolations(screen, await axeViolations(page))).toEqual([]);
  expect(await controlsKeyboardCannotReach(page)).toEqual([]);
}

/** Signs Hedy in at the kiosk and returns the names of the buttons her home screen offers, then signs out. */
async function kioskHomeButtons(): Promise<string[]> {
  // Generous waits: argon2 on a machine shared with other test runs can take seconds.
  await swipeWedge(kiosk, CARD);
  await expectScreen(kiosk, 'screen-pin-entry', 30_000);
  await enterOnKeypad(kiosk, PIN);
  await expectScreen(kiosk, 'screen-home', 30_000);
  const names = (await kiosk.getByTestId('screen-home').getByRole('button').allTextContents()).map((n) => n.trim());
  await kiosk.getByRole('button', { name: 'Log out', exact: true }).click();
  await expectScreen(kiosk, 'screen-idle', 30_000);
  return names;
}

describe('admin console on PostgreSQL with a running kiosk host', { timeout: 120_000 }, () => {
  it('Options > General: PIN change turned off with Apply; the kiosk host stops offering Change PIN', async () => {
    expect(await kioskHomeButtons()).toContain('Change PIN');
    await admin.goto(`${central.url}/admin/`);
    await signInOnPage(admin, ADMIN.username, ADMIN.password);
    await admin.getByRole('heading', { level: 1, name: 'Options > General' }).waitFor();
    await axeClean(admin, 'options-general (PostgreSQL)');
    await admin.getByLabel('Allow users to change their Card/ID PIN').uncheck();
    const applied = Date.now();
    await admin.getByRole('button', { name: 'Apply', exact: true }).click();
    await admin.getByRole('status').filter({ hasText: 'Changes applied.' }).waitFor();
    await eventually(async () => (await host.cli('config', 'get', 'user.allow-change-pin')).trim() === 'false', "the kiosk host's replica to receive the change", 30_000);
    console.info(`[admin console, PostgreSQL] kiosk host replica had the change ${Date.now() - applied} ms after Apply (including CLI polling)`);
    const buttons = await kioskHomeButtons();
    expect(buttons).not.toContain('Change PIN');
    expect(buttons).toContain('Change Card/ID number');
  });

  it('Config editor: Quick find + GO and Update, and a refused value leaves the key as it was', async () => {
    await admin.getByRole('navigation').getByRole('link', { name: 'Config editor (advanced)', exact: true }).click();
    await admin.getByLabel('Quick find').fill('kiosk.idle-timeout-seconds');
    await admin.getByRole('button', { name: 'GO', exact: true }).click();
    const row = admin.locator('tr[data-key="kiosk.idle-timeout-seconds"]');
    const value = row.getByLabel('Value of kiosk.idle-timeout-seconds');
    await value.fill('5');
    await row.getByRole('button', { name: /^Update/ }).click();
    expect(await row.getByRole('alert').textContent()).toContain('kiosk.idle-timeout-seconds');
    await value.fill('90');
    await row.getByRole('button', { name: /^Update/ }).click();
    await row.getByRole('status').waitFor();
    await eventually(async () => (await host.cli('config', 'get', 'kiosk.idle-timeout-seconds')).trim() === '90', 'the new idle timeout on the kiosk host', 30_000);
    await axeClean(admin, 'config-editor (PostgreSQL)');
  });

  it('Users: search finds the user by Card/ID number; Sign out ends the session', async () => {
    await admin.getByRole('navigation').getByRole('link', { name: 'Users', exact: true }).click();
    await admin.getByRole('searchbox', { name: 'Search users' }).fill(CARD);
    await admin.getByRole('button', { name: 'Search', exact: true }).click();
    await admin.getByRole('link', { name: 'hedy', exact: true }).waitFor();
    await axeClean(admin, 'users (PostgreSQL)');
    await admin.getByRole('button', { name: 'Sign out', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    const afterSignOut = await admin.evaluate(async () => (await fetch('/api/v1/admin/session')).status);
    expect(afterSignOut).toBe(401);
  });
});

