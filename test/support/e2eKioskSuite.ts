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

/**
 * One web-mode host and one Chromium page at 1280×800 for a whole test file (wall time), at the
 * idle screen before the first test; errors thrown in the page fail the test that caused them.
 */
export function kioskSuite(options: { args?: readonly string[] } = {}): KioskSuite {
  const suite = {} as KioskSuite;
  beforeAll(async () => {
    [suite.host, suite.browser] = await Promise.all([startKioskHost(options), launchChromium()]);
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
    ({ page: suite.page, pageErrors: suite.pageErrors } = await openKioskPage(context, suite.host.url));
    await expectScreen(suite.page, 'screen-idle');
  }, 60_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.host?.stop();
  });
  afterEach(() => {
    expect(suite.pageErrors).toEqual([]);
  });
  return suite;
}
