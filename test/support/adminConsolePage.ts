import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright';
import { REPO_ROOT } from './centralProcess.js';
import { axeViolations, describeViolations } from './e2eAxe.js';

/** The admin console's sizes (issue 13): a laptop and a phone. */
export const ADMIN_VIEWPORTS = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '390x844', width: 390, height: 844 },
] as const;

export const ADMIN_SCREENSHOT_DIR = path.join(REPO_ROOT, 'docs', 'screenshots', 'admin');

/** The console is served from dist/: a journey against a missing build would only test the 503. */
export function requireBuiltConsole(): void {
  const index = path.join(REPO_ROOT, 'dist', 'renderer', 'admin', 'index.html');
  if (!existsSync(index)) throw new Error(`${index} is missing: run node scripts/build.mjs first.`);
}

/**
 * The screen as it is now at both sizes: a full-page screenshot into docs/screenshots/admin and
 * axe-core's violations (any impact) at each size. Returns the problems; empty means clean.
 */
export async function checkScreen(page: Page, screen: string): Promise<string[]> {
  mkdirSync(ADMIN_SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize();
  const problems: string[] = [];
  for (const viewport of ADMIN_VIEWPORTS) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.screenshot({ path: path.join(ADMIN_SCREENSHOT_DIR, `${screen}-${viewport.name}.png`), fullPage: true });
    problems.push(...describeViolations(`${screen} at ${viewport.name}`, await axeViolations(page)));
  }
  if (original) await page.setViewportSize(original);
  return problems;
}

/**
 * Presses Tab from the top of the page until focus comes back round, and returns the visible,
 * enabled controls it never reached (by their accessible text), so keyboard-only use is proven.
 */
export async function controlsKeyboardCannotReach(page: Page): Promise<string[]> {
  const total = await page.evaluate(() => {
    const controls = Array.from(document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex="0"]')).filter((el) => {
      const rect = el.getBoundingClientRect();
      return !el.matches(':disabled') && rect.width > 0 && rect.height > 0 && !el.closest('[inert]');
    });
    // A radio group is one tab stop (arrow keys move within it): its checked radio stands for it.
    const radios = controls.filter((el) => el instanceof HTMLInputElement && el.type === 'radio') as HTMLInputElement[];
    for (const radio of radios) {
      const group = radios.filter((other) => other.name === radio.name);
      const stop = group.find((other) => other.checked) ?? group[0];
      if (radio !== stop) controls.splice(controls.indexOf(radio), 1);
    }
    controls.forEach((el, i) => el.setAttribute('data-kb', String(i)));
    (document.activeElement as HTMLElement | null)?.blur();
    return controls.length;
  });
  const reached = new Set<string>();
  for (let i = 0; i < total * 2 + 5; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-kb') ?? null);
    if (id !== null) reached.add(id);
    if (reached.size === total) break;
  }
  return page.evaluate((seen) => {
    const missed = Array.from(document.querySelectorAll<HTMLElement>('[data-kb]')).filter((el) => !seen.includes(el.getAttribute('data-kb')!));
    const names = missed.map((el) => `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`);
    document.querySelectorAll('[data-kb]').forEach((el) => el.removeAttribute('data-kb'));
    return names;
  }, [...reached]);
}

export async function signInOnPage(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
