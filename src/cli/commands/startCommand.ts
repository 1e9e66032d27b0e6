import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { createHostLogger } from '../../host/hostLogger.js';
import { findElectronBinary } from '../../host/launch/electronRuntime.js';
import { startWebModeKiosk } from '../../host/launch/webModeKiosk.js';
import { UsageError, type CliCommand, type CliContext } from '../cliCommand.js';
import { parseOptions } from '../parseOptions.js';

const USAGE = `badgekiosk start [--web] [--no-browser] [--port N] [--log-level LEVEL]

Starts the kiosk on the data directory (embedded default: standalone, demo users seeded into an
empty data directory and printed at start, keyboard-wedge cards on).
  --web          serve the kiosk on 127.0.0.1 (web mode) even where Electron exists
  --no-browser   web mode: do not open Chromium, only print the URL
  --port N       web mode: listen on this port (default: a random free port)
  --log-level L  pino level for the log file in <data-dir>/logs (default info)
  --serial-path P  web mode: offer this serial port in technician mode too (repeatable; for ports
                 the OS does not list, such as pseudo-terminals)`;

/** dist/cli/main.js → the repository (or installed package) root. */
function packageRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
}

function parsePort(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const port = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be a number from 1 to 65535, got ${JSON.stringify(text)}.`);
  return port;
}

function logger(ctx: CliContext, level: string) {
  const logs = path.join(ctx.dataDir, 'logs');
  mkdirSync(logs, { recursive: true, mode: 0o700 });
  return createHostLogger({
    level,
    destination: pino.multistream([
      { level: level as pino.Level, stream: pino.destination({ dest: path.join(logs, 'kiosk.log'), mkdir: true, sync: false, mode: 0o600 }) },
      { level: 'warn', stream: pino.destination(2) },
    ]),
  });
}

function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => resolve(signal);
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

async function runElectron(ctx: CliContext, binary: string): Promise<number> {
  const main = path.join(packageRoot(), 'dist', 'electron', 'main.cjs');
  ctx.stdout.write(`Starting the Electron kiosk (${binary}).\n`);
  const child = spawn(binary, [main, '--data-dir', ctx.dataDir], { stdio: 'inherit', env: ctx.env });
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', (error) => {
      ctx.stderr.write(`badgekiosk: Electron could not start: ${error.message}\n`);
      resolve(1);
    });
  });
}

/** `badgekiosk start`: the newcomer's start (`npm start`). */
export const startCommand: CliCommand = {
  path: ['start'],
  summary: 'Start the kiosk: Electron where available, else web mode on 127.0.0.1',
  usage: USAGE,
  async run(ctx, argv) {
    const { values } = parseOptions(argv, {
      web: { type: 'boolean' },
      'no-browser': { type: 'boolean' },
      port: { type: 'string' },
      'log-level': { type: 'string' },
      'serial-path': { type: 'string', multiple: true },
    });
    const port = parsePort(values.port);
    const level = values['log-level'] ?? 'info';
    if (!Object.prototype.hasOwnProperty.call(pino.levels.values, level)) {
      throw new UsageError(`--log-level must be one of ${Object.keys(pino.levels.values).join(', ')}.`);
    }
    const electron = values.web ? null : findElectronBinary(ctx.env);
    if (electron) return runElectron(ctx, electron);
    if (!values.web) ctx.stdout.write('The Electron runtime is not installed here: starting web mode.\n');

    const print = (line: string) => ctx.stdout.write(line + '\n');
    // Listen for Ctrl+C before anything is printed: a signal right after "ready" must stop cleanly.
    const stop = untilStopped();
    const kiosk = await startWebModeKiosk({
      dataDir: ctx.dataDir,
      rendererDir: path.join(packageRoot(), 'dist', 'renderer', 'kiosk'),
      ...(port !== undefined ? { port } : {}),
      openBrowser: !values['no-browser'],
      env: ctx.env,
      print,
      logger: logger(ctx, level),
      serialPaths: values['serial-path'] ?? [],
    });
    print(`Data directory: ${ctx.dataDir}`);
    print('Press Ctrl+C to stop.');
    const signal = await stop;
    print(`Stopping (${signal}).`);
    await kiosk.close();
    return 0;
  },
};
