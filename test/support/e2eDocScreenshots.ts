import path from 'node:path';
import type { Page } from 'playwright';
import { AXE_SIZES } from './e2eScreenAxe.js';

const SCREENSHOTS = path.resolve('docs/screenshots');

/** The screen as it is, photographed at the sizes axe checks, into docs/screenshots as kiosk-NAME-SIZE.png. */
export async function photographForDocs(page: Page, name: string): Promise<void> {
  const original = page.viewportSize();
  try {
    for (const size of AXE_SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.screenshot({ path: path.join(SCREENSHOTS, `kiosk-${name}-${size.name}.png`) });
    }
  } finally {
    if (original) await page.setViewportSize(original);
  }
}
