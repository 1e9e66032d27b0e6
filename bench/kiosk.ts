// Kiosk host benches: start of the web-mode host → swipe-ready, host RSS at rest, and one contract
// call over the socket; each beside the raw libraries (node + http + ws) doing the same work.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { emit as emitLine, percentile, ratio } from './benchStats.js';

type Emit = typeof emitLine;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const RAW_SERVER = `
const http = require('node:http');
const { WebSocketServer } = require('ws');
const server = http.createServer();
const sockets = new WebSocketServer({ server });
sockets.on('connection', (ws) => ws.on('message', (m) => { const r = JSON.parse(String(m)); ws.send(JSON.stringify({ id: r.id, result: { ok: true, value: {} } })); }));
server.listen(0, '127.0.0.1', () => console.log('ready: http://127.0.0.1:' + server.address().port + '/#token=raw'));`;

export interface Started {
  readonly child: ChildProcess;
  readonly origin: string;
  readonly token: string;
}

function startProcess(args: string[], readyLine: RegExp, env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /ready: (http:\/\/127\.0\.0\.1:\d+)\/#token=([0-9a-z]+)/.exec(out);
      if (match && readyLine.test(out)) resolve({ child, origin: match[1]!, token: match[2]! });
    });
    child.stderr!.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
}

export function connect(started: Started): Promise<WebSocket> {
  const url = `${started.origin.replace('http', 'ws')}/kiosk-socket?token=${started.token}`;
  const ws = new WebSocket(url, { origin: started.origin });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

let nextId = 0;
export function call(ws: WebSocket, method: string, input: unknown = {}): Promise<{ ok: boolean }> {
  const id = nextId++;
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: { ok: boolean } };
      if (message.id === id) {
        ws.off('message', onMessage);
        resolve(message.result!);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, method, input }));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Math.round((Number(match![1]) / 1024) * 10) / 10;
}

const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { medianMs: Math.round(percentile(sorted, 50)), p95Ms: Math.round(percentile(sorted, 95)) };
};

/** Spawn → first answered getState over the socket; the kiosk is then ready for a swipe. */
export async function timeToReady(start: () => Promise<Started>): Promise<{ ms: number; started: Started; ws: WebSocket }> {
  const t0 = performance.now();
  const started = await start();
  const ws = await connect(started);
  const answer = await call(ws, 'getState');
  if (!answer.ok) throw new Error('getState refused');
  return { ms: performance.now() - t0, started, ws };
}

/** What `npm start` sets (package.json): glibc hands memory freed by argon2 back to the OS. */
export const KIOSK_MALLOC_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '1048576' } as const;

export async function runKioskBench(emit: Emit = emitLine): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...KIOSK_MALLOC_ENV };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const runs = 5;
  const cold: number[] = [];
  const warm: number[] = [];
  const raw: number[] = [];
  const rss: number[] = [];
  const rawRss: number[] = [];
  const callUs: number[] = [];
  const rawCallUs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'badgekiosk-bench-'));
    const kioskArgs = ['bin/badgekiosk', '--data-dir', dataDir, 'start', '--web', '--no-browser'];
    try {
      for (const bucket of [cold, warm]) {
        // cold: empty data directory (migrations, pepper, demo users hashed); warm: the same again.
        const run = await timeToReady(() => startProcess(kioskArgs, /Press Ctrl\+C/, env));
        bucket.push(run.ms);
        if (bucket === warm) {
          // At rest: the background link to the (embedded) central store is up by now.
          await new Promise((r) => setTimeout(r, 3_000));
          rss.push(rssMiB(run.started.child.pid!));
          for (let j = 0; j < 200; j++) {
            const t = performance.now();
            await call(run.ws, 'touch');
            callUs.push((performance.now() - t) * 1000);
          }
        }
        run.ws.close();
        await stop(run.started.child);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    const baseline = await timeToReady(() => startProcess(['-e', RAW_SERVER], /ready/, env));
    raw.push(baseline.ms);
    await new Promise((r) => setTimeout(r, 1_000));
    rawRss.push(rssMiB(baseline.started.child.pid!));
    for (let j = 0; j < 200; j++) {
      const t = performance.now();
      await call(baseline.ws, 'touch');
      rawCallUs.push((performance.now() - t) * 1000);
    }
    baseline.ws.close();
    await stop(baseline.started.child);
  }
  const rawSummary = summary(raw);
  for (const [name, samples] of [['kiosk-start-to-swipe-ready-cold', cold], ['kiosk-start-to-swipe-ready', warm]] as const) {
    const s = summary(samples);
    emit({
      bench: name,
      runs,
      ...s,
      baseline: 'node + http + ws echo server, spawn to first answered call',
      baselineMedianMs: rawSummary.medianMs,
      ratio: ratio(s.medianMs, rawSummary.medianMs),
      goalMs: 2000,
      met: s.p95Ms <= 2000,
    });
  }
  const rssSorted = [...rss].sort((a, b) => a - b);
  const rawRssMedian = percentile([...rawRss].sort((a, b) => a - b), 50);
  emit({
    bench: 'kiosk-host-rss-idle',
    runs,
    medianMiB: percentile(rssSorted, 50),
    maxMiB: rssSorted.at(-1),
    baseline: 'node + http + ws echo server at rest',
    env: 'as npm start: MALLOC_ARENA_MAX=2 MALLOC_TRIM_THRESHOLD_=1048576',
    baselineMiB: rawRssMedian,
    ratio: ratio(percentile(rssSorted, 50), rawRssMedian),
    goalMiB: 150,
    met: rssSorted.at(-1)! <= 150,
  });
  const us = (samples: number[]) => Math.round(percentile([...samples].sort((a, b) => a - b), 50) * 10) / 10;
  emit({
    bench: 'kiosk-socket-call',
    samples: callUs.length,
    method: 'touch',
    medianUs: us(callUs),
    p99Us: Math.round(percentile([...callUs].sort((a, b) => a - b), 99)),
    baseline: 'ws echo of the same frame',
    baselineMedianUs: us(rawCallUs),
    ratio: ratio(us(callUs), us(rawCallUs)),
  });
}
