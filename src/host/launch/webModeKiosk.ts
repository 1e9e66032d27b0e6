import type { ChildProcess } from 'node:child_process';
import type { Logger } from 'pino';
import { openKioskRuntime, type KioskRuntimeOptions } from '../kioskRuntime.js';
import { startWebModeServer } from '../web/webModeServer.js';
import { hasDisplay, openChromiumKiosk } from './chromiumLauncher.js';

export interface WebModeKioskOptions extends Omit<KioskRuntimeOptions, 'announce'> {
  readonly rendererDir: string;
  readonly port?: number;
  /** Opens Chromium in kiosk mode when a display exists. */
  readonly openBrowser: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly print: (line: string) => void;
  readonly logger: Logger;
}

export interface RunningWebModeKiosk {
  readonly url: string;
  readonly browser: ChildProcess | null;
  close(): Promise<void>;
}

/** The page loads and the first swipe is served before the central store's code is loaded. */
export const BACKGROUND_LINK_DELAY_MS = 1500;

/** Web mode end to end: the kiosk runtime, the loopback server, and (optionally) Chromium showing it. */
export async function startWebModeKiosk(options: WebModeKioskOptions): Promise<RunningWebModeKiosk> {
  const runtime = await openKioskRuntime({ backgroundLinkDelayMs: BACKGROUND_LINK_DELAY_MS, ...options, announce: options.print });
  let server;
  try {
    server = await startWebModeServer({
      host: runtime.host,
      logger: options.logger,
      rendererDir: options.rendererDir,
      ...(options.port !== undefined ? { port: options.port } : {}),
    });
  } catch (error) {
    await runtime.close();
    throw error;
  }
  options.print(`Kiosk (web mode) ready: ${server.url}`);
  let browser: ChildProcess | null = null;
  if (options.openBrowser) {
    if (!hasDisplay(options.env)) options.print('No display ($DISPLAY): open the URL above in a browser on this machine.');
    else {
      browser = openChromiumKiosk(server.url, options.dataDir);
      options.print(browser ? 'Opened Chromium in kiosk mode (Alt+F4 closes it; Ctrl+C here stops the kiosk).' : 'Chromium (/usr/bin/chromium) is not installed: open the URL above in a browser.');
    }
  }
  return {
    url: server.url,
    browser,
    async close() {
      if (browser && browser.exitCode === null && browser.signalCode === null) browser.kill('SIGTERM');
      await server.close();
      await runtime.close();
    },
  };
}
