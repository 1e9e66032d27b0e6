import type { BrowserWindowConstructorOptions, Input, Session, WebContents } from 'electron';
import { rendererCsp } from '../src/host/rendererPolicy.js';

/**
 * Every setting of the kiosk window and its session, in one place (DESIGN §6). Only types come
 * from Electron, so unit tests read these values and drive these handlers without the runtime.
 */

/** The page's own origin: a privileged custom scheme serving dist/renderer/kiosk. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;
export const OUT_OF_SERVICE_URL = `${APP_ORIGIN}/__out-of-service`;

/** The same policy web mode sends, minus the socket: the Electron page talks over IPC only. */
export const KIOSK_CSP = rendererCsp("'none'");

/** The out-of-service page has no script at all; its only inline thing is its style. */
export const OUT_OF_SERVICE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface LockdownOptions {
  /** Production: no devtools, no reload or devtools shortcuts. */
  readonly production: boolean;
  readonly preloadPath: string;
}

export function kioskWindowOptions(options: LockdownOptions): BrowserWindowConstructorOptions {
  return {
    show: false,
    kiosk: true,
    fullscreen: true,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    closable: !options.production,
    alwaysOnTop: options.production,
    skipTaskbar: options.production,
    autoHideMenuBar: true,
    backgroundColor: '#101418',
    title: 'badgekiosk',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !options.production,
      safeDialogs: true,
      disableDialogs: true,
      autoplayPolicy: 'document-user-activation-required',
      // A kiosk is always in front: timers and animations must not slow down behind a screensaver.
      backgroundThrottling: false,
      zoomFactor: 1,
      disableHtmlFullscreenWindowResize: true,
    },
  };
}

/** Chromium switches set before the app is ready: no pinch or swipe-back on a touchscreen. */
export const KIOSK_COMMAND_LINE_SWITCHES: readonly (readonly [string, string?])[] = [
  ['disable-pinch'],
  ['overscroll-history-navigation', '0'],
  ['disable-features', 'TouchpadOverscrollHistoryNavigation,Translate,MediaRouter'],
  ['autoplay-policy', 'document-user-activation-required'],
];

/** No permission is ever granted: camera, geolocation, notifications, HID, serial, clipboard, … */
export const GRANTED_PERMISSIONS: readonly string[] = [];

/** True when a URL is the kiosk's own page (navigation and IPC sender checks). */
export function isOwnPage(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

const RELOAD_KEYS = new Set(['r', 'f5']);
const DEVTOOLS_KEYS = new Set(['i', 'j', 'c', 'f12']);
const ZOOM_KEYS = new Set(['+', '-', '=', '0', 'add', 'subtract']);

/**
 * Keys swallowed before the page sees them. Always: zoom and browser navigation keys. In
 * production also reload, devtools, view-source, print, close and quit shortcuts.
 */
export function isBlockedShortcut(input: Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'shift' | 'alt'>, production: boolean): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  if (mod && ZOOM_KEYS.has(key)) return true;
  if (input.alt && (key === 'arrowleft' || key === 'arrowright' || key === 'home')) return true;
  if (key === 'browserback' || key === 'browserforward' || key === 'browserrefresh') return true;
  if (!production) return false;
  if (key === 'f5' || key === 'f12' || key === 'f11') return true;
  if (mod && RELOAD_KEYS.has(key)) return true;
  if (mod && input.shift && DEVTOOLS_KEYS.has(key)) return true;
  if (mod && (key === 'u' || key === 'p' || key === 'w' || key === 'q' || key === 'n' || key === 't' || key === 's' || key === 'o')) return true;
  if (input.alt && key === 'f4') return true;
  return false;
}

/** Session-wide: deny every permission and device, block downloads and requests leaving the app. */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) => callback(GRANTED_PERMISSIONS.includes(permission)));
  session.setPermissionCheckHandler((_webContents, permission) => GRANTED_PERMISSIONS.includes(permission));
  session.setDevicePermissionHandler(() => false);
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-serial-port', (event, _list, _webContents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('will-download', (event) => event.preventDefault());
  session.setSpellCheckerEnabled(false);
  // The page needs nothing from the network; the host is reached over IPC only.
  session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*', 'ftp://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  );
  // Every response gets a CSP: the app scheme sets its own, anything else gets the strict one.
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = details.responseHeaders ?? {};
    const hasCsp = Object.keys(headers).some((name) => name.toLowerCase() === 'content-security-policy');
    callback({ responseHeaders: hasCsp ? headers : { ...headers, 'Content-Security-Policy': [KIOSK_CSP] } });
  });
}

/** Per page: no navigation away, no new windows, no webviews, no zoom, no context menu, no stray keys. */
export function lockDownWebContents(contents: WebContents, options: Pick<LockdownOptions, 'production'>): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // The app is one page: loadURL/reload from main do not raise these, anything the page asks for does.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('context-menu', (event) => event.preventDefault());
  contents.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input, options.production)) event.preventDefault();
  });
  contents.on('zoom-changed', () => contents.setZoomFactor(1));
  contents.on('did-finish-load', () => {
    contents.setZoomFactor(1);
    void contents.setVisualZoomLevelLimits(1, 1);
  });
  if (options.production) {
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
}
