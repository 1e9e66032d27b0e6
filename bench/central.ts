// Central store and sync benchmarks (`npm run bench -- central`), each beside a raw baseline
// measured in the same run: initial sync of 100,000 and 1,000,000 users (the kiosk a CLI process,
// its peak RSS recorded) vs a raw better-sqlite3 bulk insert;
// propagation of a PIN change kiosk A → kiosk B vs a raw Fastify POST → SSE hop; `changes`
// requests/s vs a Fastify hello-world route in the same process; 1,000 and 10,000 open live
// channels (RSS, time for one announcement to reach all) vs a raw node:http SSE server.
import { spawn, type ChildProcess } from 'node:child_process';
import { once, setMaxListeners } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { createSelfService, type SelfService } from '../src/core/index.js';
import { createKiosk, redeemEnrollmentCode } from '../src/central/services/kioskRegistry.js';
import { ensureSite } from '../src/central/services/siteIdentity.js';
import { openSqliteStorage } from '../src/central/storage/sqliteBackend.js';
import { kioskPaths, migrate, openKioskStore, type KioskStore } from '../src/store/index.js';
import { createArgon2PinHasher, loadOrCreatePepper } from '../src/pinHashing/index.js';
import { cryptoRandomSource, systemClock } from '../src/platform/index.js';
import { createSyncClient, enrollKiosk, type SyncClient } from '../src/sync/index.js';
import { emit as emitLine, percentile, ratio } from './benchStats.js';

type Emit = typeof emitLine;
const benchDir = path.dirname(fileURLToPath(import.meta.url));
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const PIN = '2580';
const OTHER_PIN = '1397';

interface Site {
  readonly dir: string;
  readonly db: string;
  readonly pepperFile: string;
}

/** A central database with `users` users (one argon2 hash shared by all, for PIN 2580), written raw: set-up, not measured. */
export async function seedSite(dir: string, users: number): Promise<Site & { firstUserId: string }> {
  const file = path.join(dir, 'central.sqlite');
  const pepperFile = path.join(dir, 'secrets', 'pepper');
  const pepper = await loadOrCreatePepper(pepperFile);
  const storage = await openSqliteStorage(file);
  await ensureSite(storage, pepper, Date.now());
  await storage.close();
  const pinHash = await (await createArgon2PinHasher({ pepperFile })).hash(PIN);
  const db = new Database(file);
  const insertUser = db.prepare(
    `INSERT INTO users (id, username, display_name, email, primary_card, secondary_card, pin_hash, pin_set_at, disabled, failed_attempts, locked_until, version, created_at, updated_at, seq)
     VALUES (?, ?, ?, ?, ?, NULL, ?, ?, 0, 0, NULL, 1, ?, ?, ?)`,
  );
  const insertCard = db.prepare(`INSERT INTO card_numbers (number, user_id, field) VALUES (?, ?, 'primary')`);
  const now = Date.now();
  db.transaction(() => {
    for (let i = 1; i <= users; i++) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      insertUser.run(id, `user${i}`, `User ${i}`, `user${i}@example.org`, String(10_000_000 + i), pinHash, now, now, now, i);
      insertCard.run(String(10_000_000 + i), id);
    }
    db.prepare('UPDATE change_counter SET seq = ? WHERE id = 1').run(users);
  })();
  db.close();
  return { dir, db: `sqlite:${file}`, pepperFile, firstUserId: '00000000-0000-4000-8000-000000000001' };
}

/** Enrollment codes (and, with redeem, kiosk tokens) written straight into the database. */
export async function makeKiosks(site: Site, count: number, redeem: boolean): Promise<string[]> {
  const storage = await openSqliteStorage(site.db.slice('sqlite:'.length));
  try {
    return await storage.write(async (tx) => {
      const out: string[] = [];
      for (let i = 0; i < count; i++) {
        const { code } = await createKiosk(tx, cryptoRandomSource.uuid(), `bench ${i}`, Date.now());
        out.push(redeem ? (await redeemEnrollmentCode(tx, code, 'bench', Date.now()))!.token : code);
      }
      return out;
    });
  } finally {
    await storage.close();
  }
}

export interface ServerChild {
  readonly child: ChildProcess;
  readonly central: string;
  readonly hello: string;
  stop(): Promise<void>;
}

export async function startServer(site: Site): Promise<ServerChild> {
  const prof = process.env.BENCH_SERVER_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_SERVER_PROF] : [];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', path.join(benchDir, 'centralBenchServer.ts'), site.db, site.pepperFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let text = '';
  const ready = await new Promise<{ central: string; hello: string }>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const line = text.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line) as { central: string; hello: string });
    });
    child.once('exit', (code) => reject(new Error(`bench server exited ${code}`)));
  });
  return {
    child, ...ready,
    async stop() {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

interface Kiosk {
  readonly store: KioskStore;
  readonly sync: SyncClient;
  readonly self: SelfService;
  readonly dataDir: string;
}

async function enroll(site: Site, centralUrl: string, code: string, name: string): Promise<Kiosk & { syncSeconds: number }> {
  const dataDir = path.join(site.dir, `kiosk-${name}`);
  const store = openKioskStore({ file: kioskPaths(dataDir).db });
  await enrollKiosk({ store, dataDir, centralUrl, code });
  const sync = (await createSyncClient({ store, dataDir, pageSize: 5_000 }))!;
  const start = process.hrtime.bigint();
  const status = await sync.syncNow();
  const syncSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (status.state !== 'online') throw new Error(`initial sync of ${name} failed: ${status.lastError}`);
  const hasher = await createArgon2PinHasher({ pepperFile: kioskPaths(dataDir).pepper });
  const self = createSelfService({ uow: store.uow, hasher, clock: systemClock, random: cryptoRandomSource, kioskId: null, central: sync });
  return { store, sync, self, dataDir, syncSeconds };
}

/** The same rows into the same kiosk schema (triggers and indexes included) in one transaction. */
function rawBulkInsert(source: KioskStore, file: string): number {
  const rows = source.db.prepare('SELECT id, username, display_name, email, primary_card, secondary_card, pin_hash, version, updated_at FROM users').raw().all() as unknown[][];
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  const insert = db.prepare('INSERT INTO users (id, username, display_name, email, primary_card, secondary_card, pin_hash, version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const start = process.hrtime.bigint();
  db.transaction(() => {
    for (const row of rows) insert.run(...row);
  })();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  db.close();
  return seconds;
}

/** Peak RSS (VmHWM) of a process, sampled until it exits: the kiosk side of an initial sync. */
function watchPeakRss(pid: number): () => number {
  let peak = 0;
  const timer = setInterval(() => {
    readFile(`/proc/${pid}/status`, 'utf8')
      .then((status) => (peak = Math.max(peak, Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) / 1024)))
      .catch(() => {});
  }, 50);
  return () => {
    clearInterval(timer);
    return round(peak);
  };
}

/**
 * The kiosk side in its own process, as on a real kiosk: `badgekiosk kiosk enroll` enrolls and runs
 * the first full sync (issue 10, item 6: 1,000,000 users, <= 3x a raw bulk insert, peak RSS <= 300 MB).
 */
async function enrollWithCli(site: Site, centralUrl: string, code: string, name: string): Promise<{ seconds: number; peakRssMb: number; dataDir: string }> {
  const dataDir = path.join(site.dir, `kiosk-${name}`);
  const bin = path.join(benchDir, '..', 'bin', 'badgekiosk');
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, [bin, '--data-dir', dataDir, 'kiosk', 'enroll', '--central', centralUrl, '--code', code], { stdio: ['ignore', 'pipe', 'pipe'] });
  const peak = watchPeakRss(child.pid!);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const [exitCode] = (await once(child, 'exit')) as [number | null];
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const peakRssMb = peak();
  if (exitCode !== 0 || !/Synced: \d+ users/.test(output)) throw new Error(`kiosk enroll of ${name} failed (${exitCode}): ${output}`);
  return { seconds, peakRssMb, dataDir };
}

async function initialSyncBench(root: string, emit: Emit): Promise<void> {
  for (const users of [100_000, 1_000_000]) {
    const site = await seedSite(await mkdtemp(path.join(root, 'sync-')), users);
    const [code] = await makeKiosks(site, 1, false);
    const server = await startServer(site);
    try {
      const kiosk = await enrollWithCli(site, server.central, code!, `initial-${users}`);
      const store = openKioskStore({ file: kioskPaths(kiosk.dataDir).db });
      const count = store.uow.repos.users.count();
      const rawSeconds = rawBulkInsert(store, path.join(site.dir, 'raw.sqlite'));
      store.close();
      const goal = users >= 1_000_000 ? 3 : 5;
      emit({
        bench: 'central-initial-sync', users, synced: count, seconds: round(kiosk.seconds, 2), rawSeconds: round(rawSeconds, 2),
        ratio: ratio(kiosk.seconds, rawSeconds), peakRssMb: kiosk.peakRssMb,
        goal: `ratio <= ${goal} and peakRssMb <= 300`, met: count === users && kiosk.seconds / rawSeconds <= goal && kiosk.peakRssMb <= 300,
      });
    } finally {
      await server.stop();
      await rm(site.dir, { recursive: true, force: true });
    }
  }
}

/** Time from A's committed PIN change to B's replica holding the new hash, over `rounds` changes. */
async function propagation(A: Kiosk, B: Kiosk, userId: string, rounds: number): Promise<number[]> {
  const samples: number[] = [];
  let pin = PIN;
  for (let i = 0; i < rounds; i++) {
    const next = pin === PIN ? OTHER_PIN : PIN;
    let done!: () => void;
    const arrived = new Promise<void>((resolve) => (done = resolve));
    let start = 0n;
    let target: string | null = null;
    const off = B.sync.onEvent((event) => {
      if (event.type !== 'progress' || target === null) return;
      if (B.store.uow.repos.users.findById(userId)?.pinHash === target) done();
    });
    const changed = await A.self.changePin(userId, pin, next, next);
    start = process.hrtime.bigint();
    if (!changed.ok) throw new Error(changed.error.message);
    target = A.store.uow.repos.users.findById(userId)!.pinHash;
    if (B.store.uow.repos.users.findById(userId)?.pinHash === target) done();
    await arrived;
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    off();
    pin = next;
  }
  return samples.sort((a, b) => a - b);
}

/** The bare transport of the same hop: POST to a Fastify route that writes to another client's SSE stream. */
async function rawPropagation(rounds: number): Promise<number[]> {
  const app = Fastify({ logger: false });
  const streams = new Set<import('node:http').ServerResponse>();
  app.get('/live', (_request, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream' });
    reply.raw.write(': open\n\n');
    streams.add(reply.raw);
  });
  app.post('/poke', async () => {
    for (const s of streams) s.write('event: seq\ndata: {}\n\n');
    return { ok: true };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const controller = new AbortController();
  const response = await fetch(`${base}/live`, { signal: controller.signal });
  const reader = response.body!.getReader();
  await reader.read();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    const read = reader.read();
    await fetch(`${base}/poke`, { method: 'POST' });
    await read;
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  controller.abort();
  await app.close();
  return samples.sort((a, b) => a - b);
}

async function requestsPerSecond(url: string, headers: Record<string, string>): Promise<number> {
  // A warm-up run first: the JIT and the connection pools settle before anything is counted.
  await autocannon({ url, headers, connections: 10, duration: 2, pipelining: 1 });
  const result = await autocannon({ url, headers, connections: 10, duration: 5, pipelining: 1 });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result.requests.average;
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return round(Number(/^VmRSS:\s+(\d+) kB/m.exec(status)![1]) / 1024);
}

/** Opens `tokens.length` live channels; resolves when each has its first event. */
async function openChannels(url: string, tokens: readonly string[], onFrame: (index: number, text: string) => void) {
  // In batches: 10,000 connects at once overflow the listen backlog, which no kiosk fleet does. One
  // signal per batch, because undici's fetch resets a signal's listener limit to 1,500.
  const controllers: AbortController[] = [];
  for (let from = 0; from < tokens.length; from += 500) {
    const controller = new AbortController();
    setMaxListeners(510, controller.signal);
    controllers.push(controller);
    await openBatch(url, tokens.slice(from, from + 500), from, controller, onFrame);
  }
  return () => controllers.forEach((controller) => controller.abort());
}

async function openBatch(url: string, tokens: readonly string[], offset: number, controller: AbortController, onFrame: (index: number, text: string) => void) {
  await Promise.all(
    tokens.map(async (token, i) => {
      const index = offset + i;
      const response = await fetch(`${url}/api/v1/kiosk/live`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
      if (!response.ok) throw new Error(`live channel ${index}: HTTP ${response.status}`);
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      const first = await reader.read();
      onFrame(index, decoder.decode(first.value));
      void (async () => {
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return;
            onFrame(index, decoder.decode(value));
          }
        } catch {
          // aborted at the end
        }
      })();
    }),
  );
}

/** node:http holding the same number of event streams: the floor for one process. */
async function rawChannelsRss(count: number): Promise<number> {
  const source = `const http=require('http');const held=[];http.createServer((q,s)=>{s.writeHead(200,{'content-type':'text/event-stream'});s.write('event: seq\\ndata: {"seq":1}\\n\\n');held.push(s);}).listen(0,'127.0.0.1',function(){process.stdout.write(String(this.address().port)+'\\n');});`;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  const url = `http://127.0.0.1:${chunk.toString().trim()}`;
  const tokens = Array.from({ length: count }, (_, i) => `raw${i}`);
  const close = await openChannels(url, tokens, () => {});
  const rss = await rssMb(child.pid!);
  close();
  child.kill('SIGTERM');
  await once(child, 'exit');
  return rss;
}

/**
 * RSS of the central process holding one live channel per token, and the time one announcement
 * takes to reach every channel (issue 10, item 5: 10,000 channels, RSS <= 400 MB, <= 1 s).
 * Returns the PIN now in force for the user whose change makes the announcement.
 */
async function liveChannelsFigures(server: ServerChild, A: Kiosk, userId: string, pin: string, tokens: readonly string[], emit: Emit): Promise<string> {
  const idleRss = await rssMb(server.child.pid!);
  const seen = new Map<number, number>();
  let expected = 0;
  // Channels whose latest seq has reached `expected`: counted as frames arrive, so the measuring
  // side costs O(1) a frame and does not itself become the slow part at 10,000 channels.
  let reached = 0;
  let fanoutDone: (() => void) | null = null;
  const close = await openChannels(server.central, tokens, (index, text) => {
    for (const match of text.matchAll(/"seq":(\d+)/g)) {
      const before = seen.get(index) ?? 0;
      const now = Math.max(before, Number(match[1]));
      seen.set(index, now);
      if (expected > 0 && before < expected && now >= expected) reached += 1;
    }
    if (fanoutDone && reached === tokens.length) fanoutDone();
  });
  const liveRss = await rssMb(server.child.pid!);
  const fanout = new Promise<void>((resolve) => (fanoutDone = resolve));
  const next = pin === PIN ? OTHER_PIN : PIN;
  // Timed from the push: the kiosk's argon2 work for the new PIN is not the announcement's.
  const changed = await A.self.changePin(userId, pin, next, next);
  if (!changed.ok) throw new Error(changed.error.message);
  const start = process.hrtime.bigint();
  expected = (await A.sync.syncNow()).latest;
  reached = [...seen.values()].filter((seq) => seq >= expected).length;
  if (reached === tokens.length) fanoutDone!();
  await fanout;
  const fanoutMs = Number(process.hrtime.bigint() - start) / 1e6;
  close();
  const rawRss = await rawChannelsRss(tokens.length);
  const limit = tokens.length > 1_000 ? 400 : 300;
  emit({
    bench: 'central-live-channels', channels: tokens.length, rssMb: liveRss, idleRssMb: idleRss, rawRssMb: rawRss,
    ratio: ratio(liveRss, rawRss), announceToAllMs: round(fanoutMs), goal: `rssMb <= ${limit} and announceToAllMs <= 1000`,
    met: liveRss <= limit && fanoutMs <= 1_000,
  });
  // Let the closed streams go before the next, larger round is measured.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  return next;
}

export async function liveBench(root: string, emit: Emit): Promise<void> {
  const site = await seedSite(await mkdtemp(path.join(root, 'live-')), 1_000);
  const codes = await makeKiosks(site, 2, false);
  const tokens = await makeKiosks(site, 10_000, true);
  const server = await startServer(site);
  let A: Kiosk | undefined;
  let B: Kiosk | undefined;
  try {
    A = await enroll(site, server.central, codes[0]!, 'A');
    B = await enroll(site, server.central, codes[1]!, 'B');
    A.sync.start();
    B.sync.start();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rounds = 40;
    const samples = await propagation(A, B, site.firstUserId, rounds);
    const raw = await rawPropagation(rounds);
    const p95 = percentile(samples, 95);
    emit({
      bench: 'central-propagation', changes: rounds, p50Ms: round(percentile(samples, 50)), p95Ms: round(p95),
      rawP50Ms: round(percentile(raw, 50), 2), rawP95Ms: round(percentile(raw, 95), 2), ratio: ratio(p95, percentile(raw, 95)),
      goal: 'p95Ms <= 500', met: p95 <= 500,
    });

    const latest = A.sync.status().cursor;
    const changesRps = await requestsPerSecond(`${server.central}/api/v1/kiosk/changes?after=${latest}`, { authorization: `Bearer ${tokens[0]}` });
    const helloRps = await requestsPerSecond(`${server.hello}/hello`, {});
    emit({
      bench: 'central-changes-rps', rps: Math.round(changesRps), helloRps: Math.round(helloRps), ratio: ratio(changesRps, helloRps),
      goal: 'ratio >= 0.5', met: changesRps / helloRps >= 0.5,
    });

    let pin = samples.length % 2 === 0 ? PIN : OTHER_PIN;
    for (const channels of [1_000, 10_000]) {
      pin = await liveChannelsFigures(server, A, site.firstUserId, pin, tokens.slice(0, channels), emit);
    }
  } finally {
    for (const kiosk of [A, B]) {
      if (!kiosk) continue;
      await kiosk.sync.stop();
      kiosk.store.close();
    }
    await server.stop();
  }
}

export async function runCentralBench(emit: Emit = emitLine): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'bench-central-'));
  try {
    await initialSyncBench(root, emit);
    await liveBench(root, emit);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
