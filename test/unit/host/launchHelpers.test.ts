import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumKioskArgs, hasDisplay } from '../../../src/host/launch/chromiumLauncher.js';
import { findElectronBinary } from '../../../src/host/launch/electronRuntime.js';
import { electronStartOptions } from '../../../electron/startOptions.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'badgekiosk-launch-'));
  writeFileSync(path.join(dir, 'electron'), '#!/bin/sh\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('finding the Electron runtime without loading the electron package', () => {
  it('takes an explicit binary when it exists, and refuses a missing one', () => {
    expect(findElectronBinary({ BADGEKIOSK_ELECTRON: path.join(dir, 'electron') })).toBe(path.join(dir, 'electron'));
    expect(findElectronBinary({ BADGEKIOSK_ELECTRON: path.join(dir, 'missing') })).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dir })).toBe(path.join(dir, 'electron'));
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'nowhere') })).toBeNull();
  });
});

describe('Chromium for web mode', () => {
  it('needs an X11 or Wayland display', () => {
    expect(hasDisplay({})).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' })).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
  });

  it('opens the kiosk URL as a kiosk app in its own profile', () => {
    const args = chromiumKioskArgs('http://127.0.0.1:5000/#token=abc', '/data/chromium-profile');
    expect(args).toEqual(expect.arrayContaining(['--app=http://127.0.0.1:5000/#token=abc&kiosk=1', '--kiosk', '--user-data-dir=/data/chromium-profile', '--no-first-run', '--disable-pinch']));
  });
});

describe('Electron start options', () => {
  it('takes the data directory from badgekiosk start, else the environment, else userData', () => {
    expect(electronStartOptions(['electron', 'main.cjs', '--data-dir', '/srv/kiosk'], {}, false, () => '/home/k/.config/badgekiosk').dataDir).toBe('/srv/kiosk');
    expect(electronStartOptions(['electron', 'main.cjs'], { BADGEKIOSK_DATA_DIR: '/var/kiosk' }, false, () => '/u').dataDir).toBe('/var/kiosk');
    expect(electronStartOptions(['electron', 'main.cjs'], {}, true, () => '/u').dataDir).toBe('/u');
  });

  it('is production when packaged unless BADGEKIOSK_DEV=1, and not from a checkout unless asked', () => {
    expect(electronStartOptions([], {}, true, () => '/u').production).toBe(true);
    expect(electronStartOptions([], { BADGEKIOSK_DEV: '1' }, true, () => '/u').production).toBe(false);
    expect(electronStartOptions([], {}, false, () => '/u').production).toBe(false);
    expect(electronStartOptions([], { BADGEKIOSK_PRODUCTION: '1' }, false, () => '/u').production).toBe(true);
  });

  it('passes on the central mode and a command-line serial reader from badgekiosk start', () => {
    const argv = ['electron', 'main.cjs', '--central', 'none', '--serial-preset', 'rdm6300', '--serial-port', '/dev/ttyUSB0'];
    const options = electronStartOptions(argv, {}, false, () => '/u');
    expect(options.centralMode).toBe('none');
    expect(options.serialReader).toEqual({ preset: 'rdm6300', port: '/dev/ttyUSB0' });
    expect(electronStartOptions(['electron', 'main.cjs'], {}, false, () => '/u')).toMatchObject({ centralMode: 'embedded', serialReader: null });
  });
});
