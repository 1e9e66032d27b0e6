import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright';
import { launchChromium, openKioskPage } from './e2eBrowser.js';
import { startKioskHost, type KioskProcess } from './e2eKioskHost.js';
import { expectScreen } from './e2eKioskPage.js';

/** What a kiosk e2e file works with; filled in by the file's beforeAll. */
export interface KioskSuite {
  host: KioskProcess;
  browser: Browser;
  page: Page;
  pageErrors: string[];
}

export interface KioskSuiteOptions {
  /** Extra `start` arguments; a function when they name something `prepare` made. */
  readonly args?: readonly string[] | (() => readonly string[]);
  /**
   * Sets up a data directory before the host starts on it (a print server, an enrollment with a
   * central store) while Chromium launches, and returns it; the suite removes it at the end.
   */
  readonly prepare?: () => Promise<string>;
}

/**
 * One web-mode host and one Chromium page at 1280×800 for a whole test file (wall time), at the
 * idle screen before the first test; errors thrown in the page fail the test that caused them.
 */
export function kioskSuite(options: KioskSuiteOptions = {}): KioskSuite {
  const suite = {} as KioskSuite;
  let prepared: string | undefined;
  const start = async () => {
    prepared = await options.prepare?.();
    const args = typeof options.args === 'function' ? options.args() : options.args;
    return startKioskHost({ ...(args ? { args } : {}), ...(prepared ? { dataDir: prepared } : {}) });
  };
  beforeAll(async () => {
    [suite.host, suite.browser] = await Promise.all([start(), launchChromium()]);
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
    ({ page: suite.page, pageErrors: suite.pageErrors } = await openKioskPage(context, suite.host.url));
    await expectScreen(suite.page, 'screen-idle');
  }, 90_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.host?.stop();
    if (prepared) rmSync(prepared, { recursive: true, force: true });
  });
  afterEach(() => {
    expect(suite.pageErrors).toEqual([]);
  });
  return suite;
}
