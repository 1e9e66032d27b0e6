import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { createHostLogger } from '../../host/hostLogger.js';
import { findElectronBinary } from '../../host/launch/electronRuntime.js';
import { startWebModeKiosk } from '../../host/launch/webModeKiosk.js';
import { commandLineReaderEntry, type CommandLineReader } from '../../host/launch/commandLineReader.js';
import { UsageError, type CliCommand, type CliContext } from '../cliCommand.js';
import { parseOptions } from '../parseOptions.js';

const USAGE = `badgekiosk start [--web] [--no-browser] [--port N] [--standalone] [--log-level LEVEL]
                 [--serial-preset P --serial-port PATH [--serial-pipeline STEPS]] [--serial-path P]...

Starts the kiosk on the data directory. The embedded default: a central store inside this process
on SQLite in the data directory (loopback only), demo users seeded into it on first start and
printed at every start, keyboard-wedge cards on. A kiosk enrolled with a real central store
(badgekiosk kiosk enroll) syncs with that one instead.
  --standalone   no embedded central store: a kiosk never enrolled uses its local store alone
  --web          serve the kiosk on 127.0.0.1 (web mode) even where Electron exists
  --no-browser   web mode: do not open Chromium, only print the URL
  --port N       web mode: listen on this port (default: a random free port)
  --log-level L  pino level for the log file in <data-dir>/logs (default info)
  --serial-preset P --serial-port PATH
                 also read cards from this serial reader (presets: badgekiosk readers list);
                 --serial-pipeline replaces the preset's conversion pipeline
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

/** The first SIGINT/SIGTERM stops the kiosk; repeats while it stops (Ctrl+C twice) are ignored. */
function commandLineReader(values: { 'serial-preset'?: string; 'serial-port'?: string; 'serial-pipeline'?: string }): CommandLineReader | null {
  const preset = values['serial-preset'];
  const port = values['serial-port'];
  if (preset === undefined && port === undefined) {
    if (values['serial-pipeline'] !== undefined) throw new UsageError('--serial-pipeline needs --serial-preset and --serial-port.');
    return null;
  }
  if (preset === undefined || port === undefined) throw new UsageError('--serial-preset and --serial-port go together.');
  return { preset, port, ...(values['serial-pipeline'] !== undefined ? { pipeline: values['serial-pipeline'] } : {}) };
}

function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    process.on('SIGINT', () => resolve('SIGINT'));
    process.on('SIGTERM', () => resolve('SIGTERM'));
  });
}

async function runElectron(ctx: CliContext, binary: string, centralMode: 'embedded' | 'none', reader: CommandLineReader | null): Promise<number> {
  const main = path.join(packageRoot(), 'dist', 'electron', 'main.cjs');
  ctx.stdout.write(`Starting the Electron kiosk (${binary}).\n`);
  const readerArgs = reader
    ? ['--serial-preset', reader.preset, '--serial-port', reader.port, ...(reader.pipeline !== undefined ? ['--serial-pipeline', reader.pipeline] : [])]
    : [];
  const child = spawn(binary, [main, '--data-dir', ctx.dataDir, '--central', centralMode, ...readerArgs], { stdio: 'inherit', env: ctx.env });
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
      standalone: { type: 'boolean' },
      'log-level': { type: 'string' },
      'serial-path': { type: 'string', multiple: true },
      'serial-preset': { type: 'string' },
      'serial-port': { type: 'string' },
      'serial-pipeline': { type: 'string' },
    });
    const serialReader = commandLineReader(values);
    const centralMode = values.standalone ? 'none' : 'embedded';
    const port = parsePort(values.port);
    const level = values['log-level'] ?? 'info';
    if (!Object.prototype.hasOwnProperty.call(pino.levels.values, level)) {
      throw new UsageError(`--log-level must be one of ${Object.keys(pino.levels.values).join(', ')}.`);
    }
    const electron = values.web ? null : findElectronBinary(ctx.env);
    if (electron) return runElectron(ctx, electron, centralMode, serialReader);
    if (!values.web) ctx.stdout.write('The Electron runtime is not installed here: starting web mode.\n');

    const print = (line: string) => ctx.stdout.write(line + '\n');
    // Listen for Ctrl+C before anything is printed: a signal right after "ready" must stop cleanly.
    const stop = untilStopped();
    const givenAtStart = serialReader ? commandLineReaderEntry(serialReader) : null;
    if (givenAtStart && !givenAtStart.ok) throw new UsageError(`Serial reader: ${givenAtStart.error}.`);
    const kiosk = await startWebModeKiosk({
      ...(givenAtStart ? { givenAtStart: givenAtStart.value } : {}),
      dataDir: ctx.dataDir,
      rendererDir: path.join(packageRoot(), 'dist', 'renderer', 'kiosk'),
      ...(port !== undefined ? { port } : {}),
      openBrowser: !values['no-browser'],
      centralMode,
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
