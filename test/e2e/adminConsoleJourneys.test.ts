import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright';
import { enrollTestKiosk, enrollTestKioskWithCode, type TestKiosk } from '../support/centralKiosk.js';
import {
  ADMIN,
  adminLogin,
  createAdminWithCli,
  eventually,
  http,
  removeDir,
  startCentralProcess,
  tempDir,
  type AdminSession,
  type CentralProcess,
} from '../support/centralProcess.js';
import { checkScreen, controlsKeyboardCannotReach, requireBuiltConsole, signInOnPage } from '../support/adminConsolePage.js';
import { launchChromium } from '../support/e2eChromium.js';

/**
 * The admin console (issue 13) in Debian's Chromium against a real `badgekiosk central` process on
 * SQLite, with kiosk hosts (real store, sync client and SelfService in this process) enrolled with
 * it. One page walks the journeys in order, as an administrator would; every screen is checked
 * with axe-core at 1280×800 and 390×844 and photographed into docs/screenshots/admin.
 */

const USER_COUNT = 100_000;
const MARY_CARD = '0007700123';
const DAILY_LIMIT = 'Your ID number has been changed too many times. Please contact your system administrator for assistance.';

let dir: string;
let central: CentralProcess;
let api: AdminSession;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
let kiosk: TestKiosk;
let maryId: string;
const kiosks: TestKiosk[] = [];

beforeAll(async () => {
  requireBuiltConsole();
  dir = await tempDir('bk-admin-console-');
  const db = `sqlite:${path.join(dir, 'central.sqlite')}`;
  await createAdminWithCli(dir, db);
  [central, browser] = await Promise.all([startCentralProcess({ dataDir: dir, db }), launchChromium()]);
  api = await adminLogin(central.url);
  const filler = Array.from({ length: USER_COUNT - 1 }, (_, i) => `user${String(i).padStart(6, '0')},User ${i},user${i}@example.org,${9_000_000 + i},,`);
  const imported = await api.call('POST', '/api/v1/admin/users/import', ['username,name,email,primary_card,secondary_card,pin', `mary,Mary Somerville,mary@example.org,${MARY_CARD},,2580`, ...filler].join('\n') + '\n');
  if (imported.status !== 200) throw new Error(`seeding failed: ${JSON.stringify(imported.body).slice(0, 500)}`);
  maryId = (await api.call('GET', '/api/v1/admin/users?search=mary')).body.users[0].id;
  kiosk = await enrollTestKiosk(central.url, api, 'front-desk');
  kiosks.push(kiosk);
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page = await context.newPage();
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  for (const k of kiosks) await k.close();
  await central?.kill();
  if (dir) await removeDir(dir);
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

const link = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });
const button = (name: string) => page.getByRole('button', { name, exact: true });
const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });

async function screenIsClean(screen: string): Promise<void> {
  expect(await checkScreen(page, screen)).toEqual([]);
  expect(await controlsKeyboardCannotReach(page)).toEqual([]);
}

describe('admin console journeys (SQLite)', { timeout: 120_000 }, () => {
  it('is served at /admin/ with a strict CSP, nosniff and no-referrer; hashed assets are immutable; nothing reveals data without a session', async () => {
    const index = await fetch(`${central.url}/admin/`);
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('referrer-policy')).toBe('no-referrer');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    const asset = /src="(\/admin\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const script = await fetch(`${central.url}${asset}`);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(script.headers.get('content-type')).toContain('javascript');

    const deepLink = await fetch(`${central.url}/admin/users/${maryId}`);
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toBe(html);
    expect((await http(`${central.url}/api/v1/admin/users`, 'GET')).status).toBe(401);
    expect((await fetch(`${central.url}/admin/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(`${central.url}/admin/assets/missing-0123456789.js`)).status).toBe(404);
  });

  it('sign in: a wrong password is refused in an alert; the right one opens Options > General', async () => {
    await page.goto(`${central.url}/admin/`);
    await heading('Sign in').waitFor();
    await screenIsClean('sign-in');
    await signInOnPage(page, ADMIN.username, 'not the password');
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Wrong username or password.');
    expect(await checkScreen(page, 'sign-in-wrong-password')).toEqual([]);
    await signInOnPage(page, ADMIN.username, ADMIN.password);
    await heading('Options > General').waitFor();
    for (const name of ['Options', 'General', 'Config editor (advanced)', 'Users', 'Kiosks', 'Audit log']) expect(await link(name).isVisible()).toBe(true);
  });

  it('Options > General: turning PIN change off with Apply reaches a running kiosk, which stops offering it', async () => {
    const allowed = () => {
      const actions = kiosk.self.allowedActions(maryId);
      if (!actions.ok) throw new Error(actions.error.message);
      return actions.value;
    };
    expect(allowed().changePin).toBe(true);
    await screenIsClean('options-general');
    const allowPin = page.getByLabel('Allow users to change their Card/ID PIN');
    expect(await allowPin.isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Primary card number' }).isChecked()).toBe(true);
    await allowPin.uncheck();

    // A dirty form warns before navigating away; staying keeps the change.
    const warning = page.waitForEvent('dialog').then(async (dialog) => {
      const message = dialog.message();
      await dialog.dismiss();
      return message;
    });
    await link('Users').click();
    expect(await warning).toContain('not applied yet');
    await heading('Options > General').waitFor();
    expect(await allowPin.isChecked()).toBe(false);

    const applied = Date.now();
    await button('Apply').click();
    await page.getByRole('status').filter({ hasText: 'Changes applied.' }).waitFor();
    await eventually(() => allowed().changePin === false, 'the kiosk to stop offering PIN change');
    console.info(`[admin console] kiosk obeyed Options > General ${Date.now() - applied} ms after Apply was clicked`);
    const onServer = await api.call('GET', '/api/v1/admin/config/user.allow-change-pin');
    expect(onServer.body).toMatchObject({ value: false, isDefault: false });
  });

  it('Config editor: Quick find + GO (and Enter) filter the keys; an invalid value is refused in its row and nothing changes; Update to 1 makes a kiosk refuse the second Card/ID change', async () => {
    await link('Config editor (advanced)').click();
    await heading('Options > Actions > Config editor (advanced)').waitFor();
    const quickFind = page.getByLabel('Quick find');
    await quickFind.fill('lockout');
    await quickFind.press('Enter');
    await expect(page.locator('tbody tr').count()).resolves.toBeGreaterThan(0);
    for (const name of await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')!))) {
      expect(name).toMatch(/lockout|lock/);
    }
    await quickFind.fill('user.can-change-card-id.num-times-per-day');
    await button('GO').click();
    await expect(page.locator('tbody tr').count()).resolves.toBe(1);
    const row = page.locator('tr[data-key="user.can-change-card-id.num-times-per-day"]');
    const value = row.getByLabel('Value of user.can-change-card-id.num-times-per-day');

    await value.fill('1000');
    await row.getByRole('button', { name: /^Update/ }).click();
    const refusal = await row.getByRole('alert').textContent();
    expect(refusal).toContain('user.can-change-card-id.num-times-per-day');
    expect((await api.call('GET', '/api/v1/admin/config/user.can-change-card-id.num-times-per-day')).body.value).toBe(3);
    await screenIsClean('config-editor-refused');

    await value.fill('1');
    await row.getByRole('button', { name: /^Update/ }).click();
    await row.getByRole('status').waitFor();
    expect(await row.getByText('changed', { exact: true }).isVisible()).toBe(true);
    expect((await api.call('GET', '/api/v1/admin/config/user.can-change-card-id.num-times-per-day')).body.value).toBe(1);

    await eventually(() => {
      const actions = kiosk.self.allowedActions(maryId);
      return actions.ok && actions.value.changesLeftToday === 1;
    }, 'the new daily limit on the kiosk');
    const first = await kiosk.self.regenerateCard(maryId);
    expect(first.ok ? 'changed' : `${first.error.code}: ${first.error.message}`).toBe('changed');
    const second = await kiosk.self.regenerateCard(maryId);
    expect(second.ok ? null : second.error.message).toBe(DAILY_LIMIT);

    await row.getByRole('button', { name: /^Reset to default/ }).click();
    await expect.poll(() => value.inputValue()).toBe('3');
    expect((await api.call('GET', '/api/v1/admin/config/user.can-change-card-id.num-times-per-day')).body.value).toBe(3);
    expect(await row.getByText('changed', { exact: true }).count()).toBe(0);
    await quickFind.fill('');
    await button('GO').click();
    await screenIsClean('config-editor');
  });

  it(`Users: server-side search among ${USER_COUNT.toLocaleString('en')} users; the user page shows PIN and lock state and its actions work`, async () => {
    await link('Users').click();
    await heading('Users').waitFor();
    await page.getByRole('status').filter({ hasText: `of ${USER_COUNT.toLocaleString('en')}` }).waitFor();
    const search = page.getByRole('searchbox', { name: 'Search users' });
    await search.fill('user098765');
    await search.press('Enter');
    await page.getByRole('status').filter({ hasText: '1–1 of 1' }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    await search.fill('9012345');
    await button('Search').click();
    await page.getByRole('link', { name: 'user012345', exact: true }).waitFor();
    await screenIsClean('users-search');

    // The kiosk reports its audit events through its outbox: wait until the central store has the change.
    await eventually(async () => (await api.call('GET', `/api/v1/admin/audit?userId=${maryId}&kind=card.regenerate&outcome=success`)).body.events.length === 1, "the kiosk's card.regenerate event");
    // Five wrong PINs at the kiosk lock Mary out everywhere once the kiosk has reported them.
    const card = (await api.call('GET', `/api/v1/admin/users/${maryId}`)).body.primaryCard as string;
    for (let i = 0; i < 5; i++) await kiosk.self.authenticate({ via: 'card', cardNumber: card }, '0000');
    await eventually(async () => (await api.call('GET', `/api/v1/admin/users/${maryId}`)).body.lockedUntil !== null, 'the lockout on the central store');
    await search.fill('mary');
    await button('Search').click();
    await page.getByRole('link', { name: 'mary', exact: true }).click();
    await heading('mary').waitFor();
    await page.getByTestId('card-changes-today').filter({ hasText: 'changes today at kiosks: 1 of 3' }).waitFor();
    expect(await page.getByTestId('pin-state').textContent()).toBe('set');
    expect(await page.getByTestId('lock-state').textContent()).toMatch(/^locked until .* · 5 failed PIN attempt\(s\)$/);
    await screenIsClean('user-page');
    await button('Unlock').click();
    await page.getByTestId('lock-state').filter({ hasText: 'not locked · 0 failed PIN attempt(s)' }).waitFor();
    expect((await api.call('GET', `/api/v1/admin/users/${maryId}`)).body).toMatchObject({ lockedUntil: null, failedAttempts: 0 });
    await button('Reset PIN').click();
    await page.getByTestId('pin-state').filter({ hasText: 'not set' }).waitFor();
    await page.getByRole('button', { name: 'Generate Secondary card number' }).click();
    await expect.poll(async () => (await api.call('GET', `/api/v1/admin/users/${maryId}`)).body.secondaryCard).toMatch(/^\d{8}$/);
    await button('Disable').click();
    await button('Enable').waitFor();
    expect((await api.call('GET', `/api/v1/admin/users/${maryId}`)).body).toMatchObject({ hasPin: false, disabled: true });
    await button('Enable').click();
    await button('Disable').waitFor();
    // A number another user holds is refused with the server's words, and nothing changes.
    await page.getByLabel('Primary card number', { exact: true }).fill('9000001');
    await page.getByRole('button', { name: 'Set Primary card number' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('refused');
    expect((await api.call('GET', `/api/v1/admin/users/${maryId}`)).body.primaryCard).not.toBe('9000001');
  });

  it('Users: delete asks for the username typed, then the user is gone', async () => {
    const victim = (await api.call('GET', '/api/v1/admin/users?search=user000042')).body.users[0];
    await page.goto(`${central.url}/admin/users/${victim.id}`);
    await heading('user000042').waitFor();
    const remove = button('Delete for ever');
    expect(await remove.isDisabled()).toBe(true);
    await page.getByLabel('Type user000042 to confirm').fill('user000042');
    await remove.click();
    await heading('Users').waitFor();
    expect((await api.call('GET', `/api/v1/admin/users/${victim.id}`)).status).toBe(404);
  });

  it('Import users: a file with a bad line is refused with the line error and nothing is imported; a good file is imported', async () => {
    await link('Users').click();
    await page.getByRole('link', { name: 'Import users' }).click();
    await heading('Import users').waitFor();
    const header = 'username,name,email,primary_card,secondary_card,pin';
    const file = page.getByLabel('CSV file');
    await file.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\nada,Ada Lovelace,ada@example.org,55501,,\nbrian,Brian K,,not a number!,,\n`) });
    await button('Import').click();
    const alert = page.getByRole('alert');
    await expect(alert.textContent()).resolves.toContain('Nothing was imported: 1 line(s) have problems.');
    expect(await alert.textContent()).toContain('Line 3:');
    expect((await api.call('GET', '/api/v1/admin/users?search=ada')).body.total).toBe(0);
    await screenIsClean('import-users-refused');

    await file.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\nada,Ada Lovelace,ada@example.org,55501,,\nbrian,Brian K,,55502,,4826\n`) });
    await button('Import').click();
    await page.getByRole('status').filter({ hasText: 'Imported 2 user(s), 1 with a PIN.' }).waitFor();
    expect((await api.call('GET', '/api/v1/admin/users?search=55502')).body.users[0].username).toBe('brian');
  });

  it('Kiosks: Add kiosk shows the one-time code and the enroll command; a kiosk host enrolled with it shows online; Revoke makes the central store refuse it', async () => {
    await link('Kiosks').click();
    await heading('Kiosks').waitFor();
    await page.getByLabel('Kiosk name').fill('lobby-1');
    await button('Add kiosk').click();
    const code = (await page.getByTestId('enrollment-code').textContent())!;
    expect(code.length).toBeGreaterThan(5);
    expect(await page.getByTestId('enroll-command').textContent()).toBe(`badgekiosk kiosk enroll --central ${central.url} --code ${code}`);
    await screenIsClean('kiosks-add');

    const lobby = await enrollTestKioskWithCode(central.url, code, 'lobby-1');
    kiosks.push(lobby);
    const lobbyRow = page.locator('tr[data-kiosk="lobby-1"]');
    await lobbyRow.getByText('online', { exact: true }).waitFor({ timeout: 30_000 });
    // Its first sync done, the kiosk is current: the Sync lag column says so in words.
    await lobbyRow.getByTestId('kiosk-sync-lag').filter({ hasText: 'up to date' }).waitFor({ timeout: 30_000 });
    expect(await lobbyRow.getByText('enrolled', { exact: true }).isVisible()).toBe(true);
    await lobbyRow.getByText('none saved', { exact: true }).waitFor();
    await screenIsClean('kiosks');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Revoke lobby-1' }).click();
    await lobbyRow.getByText('revoked', { exact: true }).waitFor();
    await lobby.sync.syncNow().catch(() => undefined);
    await eventually(() => lobby.sync.status().state === 'revoked', 'the revoked kiosk to be refused');
  });

  it('Audit log: filters by kind and outcome, newest first, and exports the same filter as CSV', async () => {
    await link('Audit log').click();
    await heading('Audit log').waitFor();
    await page.getByLabel('Kind').fill('admin.login');
    await page.getByLabel('Outcome').selectOption('failure');
    await button('Apply filters').click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('tbody tr td').nth(1).textContent()).toBe('admin.login');
    await page.getByLabel('Outcome').selectOption({ label: 'any outcome' });
    await page.getByLabel('Kind').fill('config.set');
    await button('Apply filters').click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(3);
    const times = await page.locator('tbody tr td:first-child').allTextContents();
    expect(times.length).toBe(3);
    await screenIsClean('audit-log');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export CSV' }).click();
    const csv = await readFile((await (await download).path())!, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).every((line) => line.includes('config.set'))).toBe(true);

    // A time range in the future holds nothing; one around now holds the same three.
    const local = (ms: number) => new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByLabel('From').fill(local(Date.now() + 86_400_000));
    await button('Apply filters').click();
    await page.getByText('Nothing found.').waitFor();
    await page.getByLabel('From').fill(local(Date.now() - 3_600_000));
    await page.getByLabel('Until').fill(local(Date.now() + 3_600_000));
    await button('Apply filters').click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(3);
  });

  it('API tokens and password: a token is shown once and works until revoked; a wrong current password is refused', async () => {
    await link('API tokens and password').click();
    await heading('API tokens and password').waitFor();
    await page.getByLabel('Token name').fill('backup-script');
    await button('Create token').click();
    const token = (await page.getByTestId('created-token').textContent())!;
    const asScript = () => http(`${central.url}/api/v1/admin/session`, 'GET', undefined, { authorization: `Bearer ${token}` });
    expect((await asScript()).status).toBe(200);
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password (at least 12 characters)').fill('another long password');
    await page.getByLabel('New password again').fill('another long password');
    await button('Change password').click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('The current password is wrong.');
    await screenIsClean('account');
    await page.getByRole('button', { name: 'Revoke token backup-script' }).click();
    await expect.poll(async () => (await asScript()).status).toBe(401);
  });

  it('languages: Deutsch and Français replace the words, and English comes back', async () => {
    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('navigation').getByRole('link', { name: 'Benutzer', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Benutzer' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await checkScreen(page, 'users-de')).toEqual([]);
    await page.getByLabel('Sprache').selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Utilisateurs' }).waitFor();
    await page.getByLabel('Langue').selectOption('en');
    await heading('Users').waitFor();
  });

  it('an expired session brings back sign-in over the page, and what was typed is still there after signing in', async () => {
    await link('Kiosks').click();
    await page.getByLabel('Kiosk name').fill('half-typed kiosk name');
    await context.clearCookies();
    await button('Add kiosk').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await checkScreen(page, 'session-expired')).toEqual([]);
    await dialog.getByLabel('Password').fill(ADMIN.password);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Kiosk name').inputValue()).toBe('half-typed kiosk name');
    await button('Add kiosk').click();
    await page.getByTestId('enrollment-code').waitFor();
  });

  it('on a 390×844 phone every screen is reached from the navigation, fits the width, and a Config editor Update works', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      const screens: readonly [string, string][] = [
        ['General', 'Options > General'],
        ['Config editor (advanced)', 'Options > Actions > Config editor (advanced)'],
        ['Users', 'Users'],
        ['Kiosks', 'Kiosks'],
        ['Audit log', 'Audit log'],
        ['API tokens and password', 'API tokens and password'],
      ];
      for (const [name, title] of screens) {
        await link(name).click();
        await heading(title).waitFor();
        await page.locator('main table, main form').first().waitFor();
        // Wide tables scroll inside their own region; the page itself never scrolls sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(390);
      }
      await link('Config editor (advanced)').click();
      await page.getByLabel('Quick find').fill('auth.lockout-minutes');
      await button('GO').click();
      const row = page.locator('tr[data-key="auth.lockout-minutes"]');
      await row.getByLabel('Value of auth.lockout-minutes').fill('20');
      await row.getByRole('button', { name: /^Update/ }).click();
      await row.getByRole('status').waitFor();
      expect((await api.call('GET', '/api/v1/admin/config/auth.lockout-minutes')).body.value).toBe(20);
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('Sign out ends the session on the server, not only in the page', async () => {
    const cookie = (await context.cookies()).find((c) => c.name === 'bk_admin')!;
    expect((await http(`${central.url}/api/v1/admin/session`, 'GET', undefined, { cookie: `bk_admin=${cookie.value}` })).status).toBe(200);
    await button('Sign out').click();
    await heading('Sign in').waitFor();
    expect((await http(`${central.url}/api/v1/admin/session`, 'GET', undefined, { cookie: `bk_admin=${cookie.value}` })).status).toBe(401);
  });
});
