import type { BrowserWindow, RenderProcessGoneDetails } from 'electron';
import type { Logger } from 'pino';
import type { CrashPolicy } from './crashPolicy.js';
import { APP_START_URL, OUT_OF_SERVICE_URL } from './kioskLockdown.js';

export interface WatchdogDeps {
  readonly policy: CrashPolicy;
  readonly logger: Pick<Logger, 'warn' | 'error'>;
  readonly now: () => number;
  readonly setTimer: (fn: () => void, ms: number) => unknown;
  readonly clearTimer: (handle: unknown) => void;
  /** How long a hung page may stay hung before it is killed and reloaded. */
  readonly hangGraceMs?: number;
}

export type WatchedWindow = Pick<BrowserWindow, 'isDestroyed' | 'on'> & {
  readonly webContents: Pick<BrowserWindow['webContents'], 'on' | 'loadURL' | 'forcefullyCrashRenderer'>;
};

/**
 * Keeps the kiosk page alive: a renderer that dies is reloaded after the policy's back-off; one
 * that hangs past the grace period is killed (which then counts as a crash); repeated crashes
 * end in the out-of-service page instead of a crash loop.
 */
export function watchRenderer(win: WatchedWindow, deps: WatchdogDeps): void {
  let hang: unknown = null;
  const stopHangTimer = () => {
    if (hang !== null) deps.clearTimer(hang);
    hang = null;
  };

  win.webContents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => {
    stopHangTimer();
    if (details.reason === 'clean-exit') return;
    const action = deps.policy.onCrash(deps.now());
    if (action.action === 'out-of-service') {
      deps.logger.error({ reason: details.reason, exitCode: details.exitCode }, 'kiosk page keeps crashing: out of service');
      void win.webContents.loadURL(OUT_OF_SERVICE_URL);
      return;
    }
    deps.logger.warn({ reason: details.reason, exitCode: details.exitCode, reloadInMs: action.delayMs }, 'kiosk page crashed: reloading');
    deps.setTimer(() => {
      if (!win.isDestroyed()) void win.webContents.loadURL(APP_START_URL);
    }, action.delayMs);
  });

  win.on('unresponsive', () => {
    if (hang !== null) return;
    deps.logger.warn({}, 'kiosk page is not responding');
    hang = deps.setTimer(() => {
      hang = null;
      if (!win.isDestroyed()) win.webContents.forcefullyCrashRenderer();
    }, deps.hangGraceMs ?? 10_000);
  });
  win.on('responsive', stopHangTimer);
}
