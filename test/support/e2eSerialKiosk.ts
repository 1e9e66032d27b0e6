import path from 'node:path';
import pino from 'pino';
import { createCardSource } from '../../src/devices/cardSources.js';
import { checkReaderConfig } from '../../src/devices/readerConfig.js';
import { startWebModeKiosk, type RunningWebModeKiosk } from '../../src/host/launch/webModeKiosk.js';

/**
 * The web-mode kiosk host with a real serial reader (src/devices SerialCardSource, serialport)
 * on a socat pty, in this process: the composition `badgekiosk start --serial-preset P
 * --serial-port PATH` runs (openKioskRuntime + the loopback server), started here so a test can
 * set the debounce and stop it between journeys; everything from the pty to the page is the
 * product's code.
 */
export async function startSerialKiosk(options: {
  readonly dataDir: string;
  readonly portPath: string;
  readonly preset?: 'rdm6300' | 'twn4-cdc';
  readonly debounceMs?: number;
}): Promise<RunningWebModeKiosk> {
  const preset = options.preset ?? 'rdm6300';
  const checked = checkReaderConfig({
    id: `e2e-${preset}`,
    preset,
    path: options.portPath,
    ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
  });
  if (!checked.ok) throw new Error(checked.error);
  return startWebModeKiosk({
    dataDir: options.dataDir,
    rendererDir: path.resolve('dist/renderer/kiosk'),
    openBrowser: false,
    env: {},
    print: () => undefined,
    logger: pino({ level: 'silent' }),
    readers: [{ source: createCardSource(checked.value), info: { kind: 'serial', label: `${preset} on ${options.portPath}` } }],
  });
}
