import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const BIN = path.resolve('bin/badgekiosk');
const run = promisify(execFile);

/** A real web-mode kiosk host: `badgekiosk start --web --no-browser` as a child process. */
export interface KioskProcess {
  readonly url: string;
  readonly dataDir: string;
  /** Everything the process printed so far (demo users, URL, warnings). */
  output(): string;
  /** `badgekiosk --data-dir <this kiosk> …args` while the host runs (same SQLite file, WAL). */
  cli(...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

export function makeDataDir(prefix = 'badgekiosk-e2e-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export async function kioskCli(dataDir: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(BIN, ['--data-dir', dataDir, ...args], { timeout: 30_000 });
  return stdout;
}

/**
 * Starts the host and resolves with the URL it prints (with its per-launch token). Resolves only
 * once the server listens, so the page can load at once; rejects with the output on failure.
 */
export async function startKioskHost(options: { dataDir?: string; args?: readonly string[]; embedded?: boolean } = {}): Promise<KioskProcess> {
  const dataDir = options.dataDir ?? makeDataDir();
  // --standalone: these journeys configure the kiosk with `badgekiosk config set` on its own data
  // directory, which an embedded central store (the default of `start`) would override by sync.
  // `embedded`: the newcomer's start, with the embedded central store.
  const standalone = options.embedded ? [] : ['--standalone'];
  const child: ChildProcess = spawn(BIN, ['--data-dir', dataDir, 'start', '--web', '--no-browser', ...standalone, ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DISPLAY: '' },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the kiosk host printed no URL within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready: (http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the kiosk host exited (${code}) before it was ready:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    output: () => output,
    cli: (...args) => kioskCli(dataDir, ...args),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
