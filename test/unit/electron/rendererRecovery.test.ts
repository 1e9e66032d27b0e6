import { CrashPolicy, DEFAULT_CRASH_POLICY } from '../../../electron/crashPolicy.js';
import { APP_START_URL, OUT_OF_SERVICE_URL } from '../../../electron/kioskLockdown.js';
import { watchRenderer, type WatchedWindow } from '../../../electron/rendererWatchdog.js';
import { FakeElectronBrowserWindow, FakeElectronEvent } from '../../support/electronFakes.js';

describe('crash policy', () => {
  it('reloads after growing delays, then declares the kiosk out of service', () => {
    const policy = new CrashPolicy({ backoffMs: [100, 200, 400], maxCrashes: 4, windowMs: 60_000 });
    expect(policy.onCrash(0)).toEqual({ action: 'reload', delayMs: 100 });
    expect(policy.onCrash(1)).toEqual({ action: 'reload', delayMs: 200 });
    expect(policy.onCrash(2)).toEqual({ action: 'reload', delayMs: 400 });
    expect(policy.onCrash(3)).toEqual({ action: 'out-of-service' });
  });

  it('forgets crashes older than its window', () => {
    const policy = new CrashPolicy({ backoffMs: [100, 200], maxCrashes: 2, windowMs: 1_000 });
    expect(policy.onCrash(0).action).toBe('reload');
    expect(policy.onCrash(5_000)).toEqual({ action: 'reload', delayMs: 100 });
  });

  it('defaults to five crashes in ten minutes', () => {
    expect(DEFAULT_CRASH_POLICY.maxCrashes).toBe(5);
    expect(DEFAULT_CRASH_POLICY.windowMs).toBe(600_000);
  });
});

describe('renderer watchdog (on a stand-in window: no Electron runtime here)', () => {
  function watched(maxCrashes = 3) {
    const win = new FakeElectronBrowserWindow();
    const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
    const logs: string[] = [];
    let now = 0;
    watchRenderer(win as unknown as WatchedWindow, {
      policy: new CrashPolicy({ backoffMs: [1_000, 2_000], maxCrashes, windowMs: 60_000 }),
      logger: { warn: (_o: unknown, msg?: string) => logs.push(`warn ${msg}`), error: (_o: unknown, msg?: string) => logs.push(`error ${msg}`) } as never,
      now: () => (now += 1),
      setTimer: (fn, ms) => {
        const t = { fn, ms, cleared: false };
        timers.push(t);
        return t;
      },
      clearTimer: (t) => ((t as { cleared: boolean }).cleared = true),
      hangGraceMs: 5_000,
    });
    return { win, timers, logs };
  }

  it('reloads the kiosk page after a crash, with back-off', () => {
    const { win, timers } = watched();
    win.webContents.emit('render-process-gone', new FakeElectronEvent(), { reason: 'crashed', exitCode: 139 });
    expect(timers.map((t) => t.ms)).toEqual([1_000]);
    timers[0]!.fn();
    expect(win.webContents.loadedUrls).toEqual([APP_START_URL]);
    win.webContents.emit('render-process-gone', new FakeElectronEvent(), { reason: 'oom', exitCode: 0 });
    expect(timers.map((t) => t.ms)).toEqual([1_000, 2_000]);
  });

  it('shows the out-of-service page after repeated crashes', () => {
    const { win, logs } = watched(2);
    win.webContents.emit('render-process-gone', new FakeElectronEvent(), { reason: 'crashed', exitCode: 1 });
    win.webContents.emit('render-process-gone', new FakeElectronEvent(), { reason: 'crashed', exitCode: 1 });
    expect(win.webContents.loadedUrls).toEqual([OUT_OF_SERVICE_URL]);
    expect(logs.at(-1)).toMatch(/^error .*out of service/);
  });

  it('ignores a clean exit', () => {
    const { win, timers } = watched();
    win.webContents.emit('render-process-gone', new FakeElectronEvent(), { reason: 'clean-exit', exitCode: 0 });
    expect(timers).toEqual([]);
  });

  it('kills a page that stays hung, and lets one that recovers live', () => {
    const { win, timers } = watched();
    win.emit('unresponsive');
    win.emit('responsive');
    expect(timers[0]!.cleared).toBe(true);
    win.emit('unresponsive');
    timers[1]!.fn();
    expect(win.webContents.crashedByForce).toBe(1);
  });

  it('does not touch a window that is gone', () => {
    const { win, timers } = watched();
    win.webContents.emit('render-process-gone', new FakeElectronEvent(), { reason: 'crashed', exitCode: 1 });
    win.destroyed = true;
    timers[0]!.fn();
    expect(win.webContents.loadedUrls).toEqual([]);
  });
});
