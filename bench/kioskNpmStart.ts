// `kiosk-npm-start`: a cold `npm start` on a data directory that already exists (sources unchanged
// since the last build) → swipe-ready, the way a person restarts the kiosk. npm runs the build
// script first (which must skip itself), then `badgekiosk start`; the time ends at the first
// answered contract call over the socket. Baselines in the same run: `badgekiosk start` spawned
// directly, and a bare `node -e ''` (the floor any Node start pays on this machine at this load).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emit as emitLine, percentile, ratio } from './benchStats.js';
import { KIOSK_MALLOC_ENV, timeToReady, type Started } from './kiosk.js';

type Emit = typeof emitLine;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Spawns a command in its own process group (npm → sh → node), resolving once the kiosk is up. */
function startGroup(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /ready: (http:\/\/127\.0\.0\.1:\d+)\/#token=([0-9a-z]+)/.exec(out);
      if (match && /Press Ctrl\+C/.test(out)) resolve({ child, origin: match[1]!, token: match[2]! });
    });
    child.stderr!.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => reject(new Error(`${command} exited with ${code}: ${out}`)));
  });
}

/** Spawn to exit of an empty Node script: what starting Node alone costs right now. */
function emptyNodeMs(env: NodeJS.ProcessEnv): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['-e', ''], { env, stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => resolve(performance.now() - t0));
  });
}

/** SIGTERM to the group this bench started (npm does not pass it on to its children). */
async function stopGroup(started: Started): Promise<void> {
  const { child } = started;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
}

export async function runKioskNpmStartBench(emit: Emit = emitLine, runs = 3): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...KIOSK_MALLOC_ENV };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'badgekiosk-bench-npm-start-'));
  const options = ['--data-dir', dataDir, '--web', '--no-browser'];
  // What the README says to type; `npm start` is `badgekiosk start` after the build step.
  const npm = () => startGroup('npm', ['start', '--', ...options], env);
  const direct = () => startGroup(process.execPath, ['bin/badgekiosk', 'start', ...options], env);
  const npmMs: number[] = [];
  const directMs: number[] = [];
  const nodeMs: number[] = [];
  try {
    // The first start makes the data directory (and the build, if one is due): not measured.
    for (const [start, samples] of [[npm, null], ...Array.from({ length: runs }, () => [npm, npmMs] as const), ...Array.from({ length: runs }, () => [direct, directMs] as const)] as const) {
      const run = await timeToReady(start);
      samples?.push(run.ms);
      run.ws.close();
      await stopGroup(run.started);
    }
    for (let i = 0; i < runs; i++) nodeMs.push(await emptyNodeMs(env));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const median = (samples: number[]) => Math.round(percentile([...samples].sort((a, b) => a - b), 50));
  const worst = Math.round(Math.max(...npmMs));
  emit({
    bench: 'kiosk-npm-start',
    runs,
    medianMs: median(npmMs),
    maxMs: worst,
    baseline: 'badgekiosk start spawned directly on the same data directory',
    baselineMedianMs: median(directMs),
    ratio: ratio(median(npmMs), median(directMs)),
    rawBaseline: "node -e '' spawned to exit",
    rawBaselineMedianMs: median(nodeMs),
    goalMs: 2000,
    met: worst <= 2000,
  });
}
