import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright';

export { launchChromium } from './e2eChromium.js';

/** The three screens the kiosk must be usable on (issue 5): small landscape, laptop, portrait totem. */
export const VIEWPORTS = [
  { name: '800x480', width: 800, height: 480 },
  { name: '1280x800', width: 1280, height: 800 },
  { name: '1080x1920', width: 1080, height: 1920 },
] as const;
export type ViewportName = (typeof VIEWPORTS)[number]['name'];

export const SCREENSHOT_DIR = path.resolve('test-results/kiosk-screens');

/** Errors thrown in the page fail the test that caused them instead of hiding in the console. */
export async function openKioskPage(context: BrowserContext, url: string): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(url);
  return { page, pageErrors };
}

/**
 * Buttons a finger cannot use at this size: smaller than 48×48 CSS px, or not wholly on screen
 * (the kiosk has no scrolling a person would know to try).
 */
function unusableButtons(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const button of Array.from(document.querySelectorAll('button'))) {
      const rect = button.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      const name = button.getAttribute('aria-label') ?? button.textContent ?? '?';
      if (rect.width < 48 || rect.height < 48) problems.push(`"${name}" is ${Math.round(rect.width)}×${Math.round(rect.height)} px`);
      if (rect.top < 0 || rect.left < 0 || rect.bottom > window.innerHeight + 0.5 || rect.right > window.innerWidth + 0.5) {
        problems.push(`"${name}" is off screen at ${Math.round(rect.left)},${Math.round(rect.top)}`);
      }
    }
    return problems;
  });
}

/**
 * Screenshot of the current screen at every size, resizing the viewport in place (no reload),
 * and the usability problems found at each size (empty when every button is reachable and large).
 */
export async function screenshotAtAllSizes(page: Page, screen: string): Promise<string[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize();
  const problems: string[] = [];
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${screen}-${viewport.name}.png`) });
    for (const problem of await unusableButtons(page)) problems.push(`${viewport.name}: ${problem}`);
  }
  if (original) await page.setViewportSize(original);
  return problems;
}
