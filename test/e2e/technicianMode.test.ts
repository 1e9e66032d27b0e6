import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright';
import { launchChromium, openKioskPage } from '../support/e2eBrowser.js';
import { kioskCli, makeDataDir, startKioskHost, type KioskProcess } from '../support/e2eKioskHost.js';
import { enterOnKeypad, expectScreen, swipeWedge } from '../support/e2eKioskPage.js';
import { openPtyPair, rdm6300Frame, type PtyPair } from '../support/e2eSerialPty.js';
import { runBadgekiosk } from '../support/technicianCli.js';
import { holdTechnicianCorner, TECHNICIAN_PIN, typeOnTechnicianPad } from '../support/technicianE2ePage.js';
import { axeAtAllSizes } from '../support/e2eScreenAxe.js';

/**
 * Technician mode end to end (issue 6) in Debian's Chromium against the real web-mode host: two
 * socat pseudo-terminal readers offered with --serial-path, the technician PIN set with the CLI,
 * `auth.max-failed-pin-attempts` = 3. One host and one page for the file; the lockout runs last
 * because it closes technician mode for the rest of the run.
 */

/** Screenshots go to test-results/; `UPDATE_DOC_SCREENSHOTS=1` also refreshes the README's copies in docs/images/. */
const SHOTS = path.resolve('test-results/technician-screens');
const DOC_IMAGES = path.resolve('docs/images');

/** Photographs a technician screen, and fails on any axe violation at any of the three issue-15 sizes. */
async function shoot(name: string): Promise<void> {
  expect(await axeAtAllSizes(page, name)).toEqual([]);
  mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  if (process.env.UPDATE_DOC_SCREENSHOTS === '1') {
    mkdirSync(DOC_IMAGES, { recursive: true });
    copyFileSync(file, path.join(DOC_IMAGES, `${name}.png`));
  }
}
/** readers.md EM-07: a frame as printed in a forum post, whose checksum is wrong. */
const EM07_BAD_CHECKSUM = Buffer.from('0231303030323646343434323603', 'hex');
/** A technician card, read by the door reader (RDM6300: a 32-bit number). */
const TECHNICIAN_CARD = '0012345678';
const WG04_BITS = '10010101000000000010001010'; // readers.md WG-04: FC 42, CN 69

/** A proxmark-style raw 26-bit Wiegand value: preamble 0x20 << 32, sentinel bit 26, then the bits. */
function wiegandRaw(bits: string): string {
  const value = (0x20n << 32n) | (1n << 26n) | BigInt('0b' + bits);
  return value.toString(16).toUpperCase();
}

let host: KioskProcess;
let dataDir: string;
let browser: Browser;
let page: Page;
let pageErrors: string[];
let door: PtyPair;
let desk: PtyPair;

beforeAll(async () => {
  dataDir = makeDataDir('badgekiosk-technician-');
  door = await openPtyPair(dataDir, 'door');
  desk = await openPtyPair(dataDir, 'desk');
  expect((await runBadgekiosk(dataDir, ['technician', 'pin', 'set'], `${TECHNICIAN_PIN}\n`)).code).toBe(0);
  await kioskCli(dataDir, 'config', 'set', 'auth.max-failed-pin-attempts', '3');
  await kioskCli(dataDir, 'config', 'set', 'technician.card-numbers', TECHNICIAN_CARD);
  [host, browser] = await Promise.all([
    startKioskHost({ dataDir, args: ['--serial-path', door.appPath, '--serial-path', desk.appPath] }),
    launchChromium(),
  ]);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  ({ page, pageErrors } = await openKioskPage(context, host.url));
  await expectScreen(page, 'screen-idle');
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await door?.close();
  await desk?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

const button = (name: string) => page.getByRole('button', { name, exact: true });
const tab = (name: string) => page.getByTestId(`technician-tab-${name}`);
const liveRows = () => page.getByTestId('live-record');

/** The reader choice buttons name a reader by the last part of its port path. */
async function chooseReader(id: string): Promise<void> {
  const choice = page.getByRole('group', { name: 'Reader' }).getByRole('button', { name: path.basename(id), exact: true });
  if ((await choice.count()) > 0) await choice.click();
}

async function addReader(pty: PtyPair, preset: string): Promise<void> {
  const device = page.getByTestId('detected-device').filter({ has: page.getByText(pty.appPath, { exact: true }) });
  await device.getByTestId('use-device').click();
  await page.getByTestId('choose-preset').getByRole('button', { name: preset, exact: true }).click();
  await page.getByTestId('reader-form-apply').click();
  const inUse = page.locator(`[data-testid="reader-in-use"][data-reader="${pty.appPath}"]`);
  // serialport flushes input on open (readers.md §4.2): write only once the reader says Ready.
  await inUse.getByTestId('reader-state').filter({ hasText: 'Ready' }).waitFor();
}

/** Learns from samples written to the desk reader, then applies the proposal `wanted`. */
async function learn(samples: readonly { raw: string; expected: string }[], wanted: string): Promise<void> {
  await tab('learn').click();
  await chooseReader(desk.appPath);
  for (const sample of samples) {
    await page.getByTestId('learn-waiting').waitFor();
    desk.write(`${sample.raw}\r`);
    await page.getByTestId('learn-raw').filter({ hasText: sample.raw }).waitFor();
    if (sample === samples[0]) await shoot('technician-learn');
    await typeOnTechnicianPad(page, sample.expected);
  }
  expect(await page.getByTestId('learn-sample').count()).toBe(samples.length);
  await page.getByTestId('learn-search').click();
  await page.getByTestId('learn-proposals').waitFor();
  const proposal = page.locator(`[data-testid="learn-proposal"][data-pipeline="${wanted}"]`);
  await proposal.waitFor();
  await shoot('technician-learn-proposals');
  // Simplest first: nothing proposed above the wanted pipeline has more steps.
  const pipelines = await page.getByTestId('learn-proposal').evaluateAll((items) => items.map((i) => i.getAttribute('data-pipeline') ?? ''));
  const steps = (p: string) => (p === '' ? 0 : p.split('|').length);
  expect(pipelines.slice(0, pipelines.indexOf(wanted)).every((p) => steps(p) <= steps(wanted))).toBe(true);
  await proposal.getByTestId('learn-use').click();
  await page.getByTestId('technician-pipeline').waitFor();
  expect(await page.getByTestId('pipeline-text').textContent()).toBe(wanted);
}

describe('technician mode in Chromium (web mode)', { timeout: 120_000 }, () => {
  it('a long press on the corner and the technician PIN open technician mode on the readers page', async () => {
    await holdTechnicianCorner(page);
    await expectScreen(page, 'screen-technician-pin');
    await shoot('technician-pin');
    await enterOnKeypad(page, TECHNICIAN_PIN);
    await expectScreen(page, 'technician-readers');
    await page.getByTestId('detected-device').first().waitFor();
    const detected = await page.getByTestId('detected-device').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-path')));
    expect(detected).toEqual(expect.arrayContaining([door.appPath, desk.appPath]));
  });

  it('selects two pty readers with their presets; both run at once', async () => {
    await addReader(door, 'rdm6300');
    await addReader(desk, 'line');
    expect(await page.getByTestId('reader-in-use').count()).toBe(2);
    expect(await page.getByTestId('technician-unsaved').isVisible()).toBe(true);
    await shoot('technician-readers');
  });

  it('live view: raw hex, ASCII, the verdict with its reason, and the Card/ID number after the pipeline', async () => {
    await tab('live').click();
    await chooseReader(door.appPath);
    await page.getByTestId('live-empty').waitFor();
    door.write(rdm6300Frame('0006547886', 0x01));
    await liveRows().first().waitFor();
    door.write(EM07_BAD_CHECKSUM);
    await page.locator('[data-testid="live-record"][data-verdict="rejected"]').waitFor();
    const [rejected, accepted] = [liveRows().nth(0), liveRows().nth(1)];
    expect(await rejected.getByTestId('live-result').textContent()).toContain('checksum mismatch');
    expect(await rejected.getByTestId('live-hex').textContent()).toBe('02 31 30 30 30 32 36 46 34 34 34 32 36 03');
    expect(await rejected.getByTestId('live-ascii').textContent()).toBe('·100026F44426·');
    expect(await accepted.getAttribute('data-verdict')).toBe('card');
    expect(await accepted.getByTestId('live-result').textContent()).toBe('0006547886');
    await shoot('technician-live-view');
    // A keyboard-mode reader's burst shows under "Keyboard readers" (as a card, or as typed keys
    // when a loaded machine stretches the burst: either way its characters are on screen).
    await page.getByRole('group', { name: 'Reader' }).getByRole('button', { name: 'Keyboard readers', exact: true }).click();
    await swipeWedge(page, '0004521337');
    await page.getByTestId('live-ascii').filter({ hasText: '0004521337' }).waitFor();
  });

  it('pipeline editor: every edit re-converts the recent reads, and a step that cannot work is explained', async () => {
    await tab('pipeline').click();
    await chooseReader(door.appPath);
    const result = () => page.getByTestId('preview-result').first().textContent();
    expect(await page.getByTestId('pipeline-text').textContent()).toBe('substr:2|hex2dec|pad:10');
    expect(await result()).toBe('0006547886');
    await page.getByTestId('step-2-pad').getByRole('button', { name: 'More' }).click();
    await page.getByTestId('step-2-pad').getByRole('button', { name: 'More' }).click();
    expect(await page.getByTestId('pipeline-text').textContent()).toBe('substr:2|hex2dec|pad:12');
    expect(await result()).toBe('000006547886');
    await page.getByTestId('step-2-remove').click();
    expect(await result()).toBe('6547886');
    await page.getByTestId('add-step').click();
    await page.getByTestId('add-step-ascii-hex').click();
    expect(await result()).toBe('Step 3 cannot work: ascii-hex needs whole bytes (an even number of hex digits)');
    await page.getByTestId('step-1-remove').click();
    await page.getByTestId('step-1-remove').click();
    await page.getByTestId('add-step').click();
    await page.getByTestId('add-step-hex2dec').click();
    await page.getByTestId('add-step').click();
    await page.getByTestId('add-step-pad').click();
    expect(await page.getByTestId('pipeline-text').textContent()).toBe('substr:2|hex2dec|pad:10');
    expect(await page.getByTestId('pipeline-apply').isDisabled()).toBe(true);
    await shoot('technician-pipeline');
  });

  it('learns reversed-byte UID → decimal from two cards (readers.md UID-01)', async () => {
    await learn(
      [
        { raw: '26DEFAE7', expected: '3891977766' },
        { raw: '04A23C1A', expected: String(0x1a3ca204) },
      ],
      'reverse-bytes|hex2dec',
    );
  });

  it('learns a Wiegand 26-bit raw value → its card-number field (readers.md WG-02, WG-04)', async () => {
    await learn(
      [
        { raw: '2006F623AE', expected: '4567' },
        { raw: wiegandRaw(WG04_BITS), expected: '69' },
      ],
      'wiegand:h10301:card',
    );
    desk.write('2006F623AE\r');
    await tab('live').click();
    await chooseReader(desk.appPath);
    await liveRows().filter({ hasText: '4567' }).first().waitFor();
  });

  it('saves the profile (local store; standalone: nothing to send) and test swipes show the username only, or "no user"', async () => {
    await page.getByTestId('technician-save').click();
    expect(await page.getByTestId('technician-banner').textContent()).toContain('Saved on this kiosk');
    expect(await page.getByTestId('technician-unsaved').count()).toBe(0);
    const saved = JSON.parse(await kioskCli(dataDir, 'readers', 'profile', 'export'));
    expect(saved.readers.map((r: { preset: string; pipeline: string }) => [r.preset, r.pipeline])).toEqual([
      ['rdm6300', 'substr:2|hex2dec|pad:10'],
      ['line', 'wiegand:h10301:card'],
    ]);

    await tab('test').click();
    await page.getByTestId('test-swipe').click();
    await page.getByTestId('test-waiting').waitFor();
    door.write(rdm6300Frame('0004521337'));
    await page.getByTestId('test-user').waitFor();
    expect(await page.getByTestId('test-user').textContent()).toBe('Matches user ada');
    expect(await page.getByTestId('test-result').textContent()).not.toContain('Lovelace');
    await page.getByTestId('test-swipe').click();
    await page.getByTestId('test-waiting').waitFor();
    door.write(rdm6300Frame('0006547880'));
    await page.getByTestId('test-no-user').waitFor();
    await shoot('technician-test-swipe');
  });

  it('exports the readers as a profile file and imports one back, which runs unsaved', async () => {
    await tab('readers').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('profile-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^reader-profile-kiosk-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(exported.readers).toHaveLength(2);
    const doorOnly = { ...exported, readers: exported.readers.slice(0, 1) };
    await page.getByTestId('profile-file').setInputFiles({ name: 'door-only.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doorOnly)) });
    await page.getByTestId('profile-imported').waitFor();
    expect(await page.getByTestId('reader-in-use').count()).toBe(1);
    expect(await page.getByTestId('technician-unsaved').isVisible()).toBe(true);
    await page.getByTestId('profile-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"badgekiosk.reader-profile","version":1,"readers":[{"id":"x"}]}') });
    await page.getByTestId('technician-banner').filter({ hasText: 'readers[0].preset' }).waitFor();
    expect(await page.getByTestId('reader-in-use').count()).toBe(1);
  });

  it('leaving with unsaved changes asks first, then returns to the idle screen, where readers sign people in again', async () => {
    await page.getByTestId('technician-leave').click();
    await expectScreen(page, 'technician-leave-confirm');
    await page.getByTestId('technician-leave-anyway').click();
    await expectScreen(page, 'screen-idle');
    door.write(rdm6300Frame('0004521337'));
    await expectScreen(page, 'screen-pin-entry');
    await button('Cancel').click();
    await expectScreen(page, 'screen-idle');
  });

  it('a technician card swiped at the idle screen opens the technician PIN keypad, not a session; Cancel goes back', async () => {
    door.write(rdm6300Frame(TECHNICIAN_CARD));
    await expectScreen(page, 'screen-technician-pin');
    await button('Cancel').click();
    await expectScreen(page, 'screen-idle');
  });

  it('wrong technician PINs lock technician mode after auth.max-failed-pin-attempts', async () => {
    await holdTechnicianCorner(page);
    await expectScreen(page, 'screen-technician-pin');
    await enterOnKeypad(page, '1111');
    await page.getByText('Wrong PIN. 2 attempts left before technician mode is locked.').waitFor();
    await enterOnKeypad(page, '2222');
    await page.getByText('Wrong PIN. 1 attempt left before technician mode is locked.').waitFor();
    await enterOnKeypad(page, '3333');
    const notice = page.getByTestId('technician-entry-notice');
    await notice.waitFor();
    await shoot('technician-locked');
    expect(await notice.textContent()).toMatch(/Too many wrong technician PINs\. Try again after \d\d:\d\d/);
    await notice.getByRole('button', { name: 'OK' }).click();
    await expectScreen(page, 'screen-idle');
    // Still locked: even the right PIN cannot be tried now.
    await holdTechnicianCorner(page);
    await notice.waitFor();
    expect(await page.getByTestId('screen-technician-pin').count()).toBe(0);
    const audit = await kioskCli(dataDir, 'audit', '--json');
    expect(audit).toContain('technician.enter');
    expect(audit).not.toContain(TECHNICIAN_PIN);
  });
});
