import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { KIOSK_WINDOW_PARAM } from '../../contract/index.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** A display to open a window on: X11 or Wayland. */
export function hasDisplay(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * Chromium as the kiosk's screen in web mode: its own profile in the data directory (no extensions,
 * no sync, no translate bar), app window in kiosk mode. It is a convenience for development and
 * demos; a production kiosk runs the Electron shell.
 */
export function chromiumKioskArgs(url: string, profileDir: string): string[] {
  return [
    `--app=${url}&${KIOSK_WINDOW_PARAM}=1`,
    '--kiosk',
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    '--disable-features=Translate,TouchpadOverscrollHistoryNavigation',
    '--overscroll-history-navigation=0',
    '--disable-pinch',
  ];
}

export function openChromiumKiosk(url: string, dataDir: string, executable = CHROMIUM_PATH): ChildProcess | null {
  if (!existsSync(executable)) return null;
  const profileDir = path.join(dataDir, 'chromium-profile');
  mkdirSync(profileDir, { recursive: true, mode: 0o700 });
  const child = spawn(executable, chromiumKioskArgs(url, profileDir), { stdio: 'ignore' });
  child.on('error', () => undefined);
  return child;
}
