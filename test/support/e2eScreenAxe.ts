import type { Page } from 'playwright';
import { axeViolations, describeViolations } from './e2eAxe.js';

/** The sizes issue 15 asks every kiosk screen to pass axe at: laptop, portrait tablet, small landscape. */
export const AXE_SIZES = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '800x1280', width: 800, height: 1280 },
  { name: '1024x600', width: 1024, height: 600 },
] as const;

/**
 * axe-core's violations of any impact on the screen as it is, at each of AXE_SIZES (the viewport
 * is resized in place, then put back), one line per violation naming size, screen, rule and nodes.
 */
export async function axeAtAllSizes(page: Page, screen: string): Promise<string[]> {
  const original = page.viewportSize();
  const problems: string[] = [];
  try {
    for (const size of AXE_SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      problems.push(...describeViolations(`${size.name} ${screen}`, await axeViolations(page)));
    }
  } finally {
    if (original) await page.setViewportSize(original);
  }
  // The assertion prints a truncated array; the full list goes to the log of the failing test.
  if (problems.length > 0) console.error(`axe violations on ${screen}:\n${problems.join('\n')}`);
  return problems;
}
