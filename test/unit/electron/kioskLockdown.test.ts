import type { Session, WebContents } from 'electron';
import {
  APP_START_URL,
  KIOSK_COMMAND_LINE_SWITCHES,
  KIOSK_CSP,
  GRANTED_PERMISSIONS,
  isBlockedShortcut,
  isOwnPage,
  kioskWindowOptions,
  lockDownSession,
  lockDownWebContents,
} from '../../../electron/kioskLockdown.js';
import { FakeElectronEvent, FakeElectronSession, FakeElectronWebContents } from '../../support/electronFakes.js';

const key = (k: string, mods: Partial<Record<'control' | 'meta' | 'shift' | 'alt', boolean>> = {}) => ({
  type: 'keyDown' as const, key: k, control: false, meta: false, shift: false, alt: false, ...mods,
});

describe('kiosk window options (value by value)', () => {
  const production = kioskWindowOptions({ production: true, preloadPath: '/app/dist/electron/preload.cjs' });
  const web = production.webPreferences!;

  it('isolates the page from Node and Electron', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.preload).toBe('/app/dist/electron/preload.cjs');
  });

  it('keeps web security on and everything optional off', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
    expect(web.spellcheck).toBe(false);
    expect(web.safeDialogs).toBe(true);
    expect(web.disableDialogs).toBe(true);
    expect(web.autoplayPolicy).toBe('document-user-activation-required');
    expect(web.backgroundThrottling).toBe(false);
    expect(web.zoomFactor).toBe(1);
    expect(web.enableBlinkFeatures).toBeUndefined();
  });

  it('is a full-screen kiosk window without frame, shown when ready', () => {
    expect(production.kiosk).toBe(true);
    expect(production.fullscreen).toBe(true);
    expect(production.frame).toBe(false);
    expect(production.show).toBe(false);
    expect(production.resizable).toBe(false);
    expect(production.movable).toBe(false);
    expect(production.minimizable).toBe(false);
    expect(production.maximizable).toBe(false);
    expect(production.autoHideMenuBar).toBe(true);
  });

  it('has devtools, closing and taskbar only outside production', () => {
    expect(web.devTools).toBe(false);
    expect(production.closable).toBe(false);
    expect(production.alwaysOnTop).toBe(true);
    expect(production.skipTaskbar).toBe(true);
    const dev = kioskWindowOptions({ production: false, preloadPath: 'p' });
    expect(dev.webPreferences!.devTools).toBe(true);
    expect(dev.closable).toBe(true);
    expect(dev.webPreferences!.sandbox).toBe(true);
    expect(dev.webPreferences!.contextIsolation).toBe(true);
  });

  it('has a strict CSP: own origin only, no inline script, no network for the page', () => {
    expect(KIOSK_CSP).toContain("default-src 'self'");
    expect(KIOSK_CSP).toContain("script-src 'self'");
    expect(KIOSK_CSP).not.toContain('unsafe-inline');
    expect(KIOSK_CSP).not.toContain('unsafe-eval');
    expect(KIOSK_CSP).toContain("connect-src 'none'");
    expect(KIOSK_CSP).toContain("object-src 'none'");
    expect(KIOSK_CSP).toContain("frame-ancestors 'none'");
  });

  it('turns off pinch zoom and swipe navigation on the touchscreen', () => {
    const names = KIOSK_COMMAND_LINE_SWITCHES.map(([name]) => name);
    expect(names).toContain('disable-pinch');
    expect(KIOSK_COMMAND_LINE_SWITCHES).toContainEqual(['overscroll-history-navigation', '0']);
  });

  it('knows its own page', () => {
    expect(isOwnPage(APP_START_URL)).toBe(true);
    expect(isOwnPage('app://evil/index.html')).toBe(false);
    expect(isOwnPage('https://kiosk/index.html')).toBe(false);
    expect(isOwnPage('not a url')).toBe(false);
  });
});

describe('shortcuts', () => {
  it('blocks zoom keys always', () => {
    expect(isBlockedShortcut(key('+', { control: true }), false)).toBe(true);
    expect(isBlockedShortcut(key('0', { control: true }), false)).toBe(true);
  });

  it('blocks reload and devtools only in production', () => {
    for (const input of [key('r', { control: true }), key('F5'), key('F12'), key('I', { control: true, shift: true }), key('F4', { alt: true })]) {
      expect(isBlockedShortcut(input, true), input.key).toBe(true);
      if (input.key !== 'F4') expect(isBlockedShortcut(input, false), input.key).toBe(false);
    }
  });

  it('lets digits and letters through to the page (keyboard-wedge readers type them)', () => {
    for (const k of ['1', '0', 'a', 'Enter', 'Backspace']) expect(isBlockedShortcut(key(k), true), k).toBe(false);
    expect(isBlockedShortcut({ ...key('r', { control: true }), type: 'keyUp' }, true)).toBe(false);
  });
});

describe('session lockdown', () => {
  const fake = new FakeElectronSession();
  lockDownSession(fake as unknown as Session);

  it('denies every permission request and check', () => {
    expect(GRANTED_PERMISSIONS).toEqual([]);
    for (const permission of ['media', 'geolocation', 'notifications', 'hid', 'serial', 'clipboard-read', 'fullscreen', 'openExternal']) {
      let granted: boolean | null = null;
      (fake.permissionRequestHandler as (w: unknown, p: string, cb: (g: boolean) => void) => void)(null, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect((fake.permissionCheckHandler as (w: unknown, p: string) => boolean)(null, permission), permission).toBe(false);
    }
    expect((fake.devicePermissionHandler as () => boolean)()).toBe(false);
  });

  it('picks no HID, serial or USB device and downloads nothing', () => {
    for (const name of ['select-hid-device', 'select-usb-device']) {
      const event = new FakeElectronEvent();
      let chosen: unknown = 'unset';
      fake.emit(name, event, {}, (id?: string) => (chosen = id));
      expect(event.defaultPrevented, name).toBe(true);
      expect(chosen === '' || chosen === undefined, name).toBe(true);
    }
    const serial = new FakeElectronEvent();
    let port: unknown = 'unset';
    fake.emit('select-serial-port', serial, [], null, (id: string) => (port = id));
    expect(serial.defaultPrevented).toBe(true);
    expect(port).toBe('');
    const download = new FakeElectronEvent();
    fake.emit('will-download', download);
    expect(download.defaultPrevented).toBe(true);
    expect(fake.spellChecker).toBe(false);
  });

  it('cancels every request that would leave the app', () => {
    expect(fake.beforeRequest!.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*']));
    let answer: unknown;
    (fake.beforeRequest!.handler as (d: unknown, cb: (r: unknown) => void) => void)({ url: 'https://example.com' }, (r) => (answer = r));
    expect(answer).toEqual({ cancel: true });
  });

  it('adds the strict CSP to responses without one and keeps a page’s own', () => {
    let headers: Record<string, string[]> = {};
    const run = (responseHeaders: Record<string, string[]>) =>
      (fake.headersReceived as (d: unknown, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void)({ responseHeaders }, (r) => (headers = r.responseHeaders));
    run({ 'Content-Type': ['text/html'] });
    expect(headers['Content-Security-Policy']).toEqual([KIOSK_CSP]);
    run({ 'content-security-policy': ["default-src 'none'"] });
    expect(headers['content-security-policy']).toEqual(["default-src 'none'"]);
    expect(headers['Content-Security-Policy']).toBeUndefined();
  });
});

describe('page lockdown', () => {
  function locked(production: boolean) {
    const contents = new FakeElectronWebContents();
    lockDownWebContents(contents as unknown as WebContents, { production });
    return contents;
  }

  it('opens no new windows', () => {
    expect((locked(true).windowOpenHandler as () => unknown)()).toEqual({ action: 'deny' });
  });

  it('blocks every navigation, redirect, webview and context menu the page asks for', () => {
    const contents = locked(true);
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview', 'context-menu']) {
      const event = new FakeElectronEvent({ url: APP_START_URL, isMainFrame: true });
      contents.emit(name, event, APP_START_URL);
      expect(event.defaultPrevented, name).toBe(true);
    }
  });

  it('swallows reload in production but not in development', () => {
    const prod = locked(true);
    const dev = locked(false);
    const a = new FakeElectronEvent();
    const b = new FakeElectronEvent();
    prod.emit('before-input-event', a, key('r', { control: true }));
    dev.emit('before-input-event', b, key('r', { control: true }));
    expect(a.defaultPrevented).toBe(true);
    expect(b.defaultPrevented).toBe(false);
  });

  it('locks zoom at 100% and closes devtools in production', () => {
    const contents = locked(true);
    contents.zoomFactor = 1.5;
    contents.emit('zoom-changed', new FakeElectronEvent(), 'in');
    expect(contents.zoomFactor).toBe(1);
    contents.emit('did-finish-load');
    expect(contents.visualZoomLimits).toEqual([1, 1]);
    contents.emit('devtools-opened');
    expect(contents.devToolsClosed).toBe(1);
    const dev = locked(false);
    dev.emit('devtools-opened');
    expect(dev.devToolsClosed).toBe(0);
  });
});
