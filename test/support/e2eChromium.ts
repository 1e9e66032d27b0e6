import { chromium, type Browser } from 'playwright';

/** Debian's Chromium (Playwright downloads no browser here) with the flags of HELPERS.md. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** One browser for a whole test file or bench (contexts and pages are cheap, launches are not). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
