import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright';

const require = createRequire(import.meta.url);
// axe-core's own build, read once per worker: evaluated through the DevTools protocol, so a page's
// strict Content-Security-Policy (no inline scripts, no eval) does not stop it.
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

/**
 * axe-core's violations on the page as it is now (WCAG 2.0/2.1 A and AA plus best practices),
 * each with the CSS selectors of the offending nodes, so a failing test names what to fix.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!hasAxe) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** One line per violation, for an assertion message that says what is wrong and where. */
export function describeViolations(screen: string, violations: readonly AxeViolation[]): string[] {
  return violations.map((v) => `${screen}: [${v.impact ?? 'n/a'}] ${v.id} — ${v.help} (${v.targets.slice(0, 3).join(', ')})`);
}
