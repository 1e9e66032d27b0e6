// The Electron main process: one locked-down kiosk window over the same host as web mode.
// Thin on purpose (DESIGN §1): composition and lockdown only; the rules live in src/core and src/host.
import path from 'node:path';
import { BrowserWindow, Menu, app, ipcMain, powerSaveBlocker, protocol, session } from 'electron';
import { createHostLogger } from '../src/host/hostLogger.js';
import { openKioskRuntime, type KioskRuntime } from '../src/host/kioskRuntime.js';
import { BACKGROUND_LINK_DELAY_MS } from '../src/host/launch/webModeKiosk.js';
import { commandLineReaderEntry } from '../src/host/launch/commandLineReader.js';
import { APP_SCHEME_PRIVILEGES, serveAppScheme } from './appProtocol.js';
import { CrashPolicy } from './crashPolicy.js';
import { registerKioskIpc } from './ipcBridge.js';
import { APP_START_URL, KIOSK_COMMAND_LINE_SWITCHES, kioskWindowOptions, lockDownSession, lockDownWebContents } from './kioskLockdown.js';
import { watchRenderer } from './rendererWatchdog.js';
import { electronStartOptions } from './startOptions.js';

const options = electronStartOptions(process.argv, process.env, app.isPackaged, () => app.getPath('userData'));
const logger = createHostLogger({ level: options.logLevel });

if (!app.requestSingleInstanceLock()) {
  // Another kiosk window already owns the screen (and the readers, and the database).
  app.quit();
} else {
  for (const [name, value] of KIOSK_COMMAND_LINE_SWITCHES) app.commandLine.appendSwitch(name, value);
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  let window: BrowserWindow | null = null;
  let runtime: KioskRuntime | null = null;

  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, { production: options.production }));
  app.on('second-instance', () => {
    if (window && !window.isDestroyed()) window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void runtime?.close());

  app.whenReady().then(async () => {
    Menu.setApplicationMenu(null);
    lockDownSession(session.defaultSession);
    serveAppScheme(protocol, options.rendererDir);
    const reader = options.serialReader ? commandLineReaderEntry(options.serialReader) : null;
    if (reader && !reader.ok) throw new Error(`Serial reader: ${reader.error}`);
    runtime = await openKioskRuntime({
      ...(reader ? { givenAtStart: reader.value } : {}),
      dataDir: options.dataDir,
      logger,
      centralMode: options.centralMode,
      backgroundLinkDelayMs: BACKGROUND_LINK_DELAY_MS,
      announce: (line) => process.stdout.write(line + '\n'),
    });
    window = new BrowserWindow(kioskWindowOptions({ production: options.production, preloadPath: path.join(__dirname, 'preload.cjs') }));
    const contentsId = window.webContents.id;
    registerKioskIpc(ipcMain, runtime.host, logger, () => (window && !window.isDestroyed() && window.webContents.id === contentsId ? window.webContents : null));
    watchRenderer(window, {
      policy: new CrashPolicy(),
      logger,
      now: () => Date.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
    });
    powerSaveBlocker.start('prevent-display-sleep');
    window.once('ready-to-show', () => window?.show());
    await window.loadURL(APP_START_URL);
  }).catch((error: unknown) => {
    logger.fatal({ err: error }, 'the kiosk could not start');
    app.exit(1);
  });
}
