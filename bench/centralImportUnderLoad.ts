// `npm run bench -- centralImportUnderLoad` (issue 11, finding 3): a 150,000-row CSV import into a
// central store (its own process, as `badgekiosk central` runs it) while one client polls
// /api/v1/health back to back and a kiosk pushes a command every 100 ms. Reports health p99, push
// latency and the import's own time, on SQLite and on PostgreSQL, beside the same health and push
// figures on the idle store in the same run (the raw baseline).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createAdminToken, insertAdmin } from '../src/central/services/adminAccounts.js';
import { createKiosk, redeemEnrollmentCode } from '../src/central/services/kioskRegistry.js';
import { ensureSite } from '../src/central/services/siteIdentity.js';
import { insertUserRow } from '../src/central/services/userRows.js';
import { openCentralStorage } from '../src/central/storage/openCentralStorage.js';
import { loadOrCreatePepper } from '../src/pinHashing/index.js';
import { cryptoRandomSource } from '../src/platform/index.js';
import { CentralHttpClient } from '../src/sync/centralHttpClient.js';
import { startTestPostgres } from '../test/support/centralPostgres.js';
import { bigUsersCsv } from '../test/support/importUnderLoad.js';
import { emit, percentile } from './benchStats.js';
import { startServer } from './central.js';

const ROWS = 150_000;
const BASELINE_MS = 3_000;
const PUSH_EVERY_MS = 100;
const GOAL = { healthP99Ms: 200, pushMaxMs: 1_000 };
const round = (n: number) => Math.round(n * 10) / 10;

/** A site with one user to push for, an admin API token and a kiosk token, written through the storage (set-up, not measured). */
async function seedSite(dir: string, db: string) {
  const pepperFile = path.join(dir, 'secrets', 'pepper');
  const pepper = await loadOrCreatePepper(pepperFile);
  const storage = await openCentralStorage(db);
  try {
    await ensureSite(storage, pepper, Date.now());
    const ids = { user: cryptoRandomSource.uuid(), admin: cryptoRandomSource.uuid() };
    return await storage.write(async (tx) => {
      const now = Date.now();
      await insertUserRow(tx, { id: ids.user, username: 'pusher', displayName: 'Pusher', email: '', primaryCard: '99000001', secondaryCard: null, pinHash: null }, now);
      await insertAdmin(tx, { id: ids.admin, username: 'bench', passwordHash: 'not used: the bench signs in with a token' }, now);
      const adminToken = await createAdminToken(tx, cryptoRandomSource.uuid(), ids.admin, 'bench', now);
      const { code } = await createKiosk(tx, cryptoRandomSource.uuid(), 'bench', now);
      const kioskToken = (await redeemEnrollmentCode(tx, code, 'bench', now))!.token;
      return { dir, db, pepperFile, userId: ids.user, adminToken, kioskToken };
    });
  } finally {
    await storage.close();
  }
}

/** Runs `once` back to back (pausing `pauseMs` between) until `stop()` says so; milliseconds per call. */
async function repeat(stop: () => boolean, pauseMs: number, once: () => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  while (!stop()) {
    const start = performance.now();
    await once();
    samples.push(performance.now() - start);
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  return samples;
}

function load(centralUrl: string, site: Awaited<ReturnType<typeof seedSite>>, stop: () => boolean) {
  const kiosk = new CentralHttpClient({ baseUrl: centralUrl, token: site.kioskToken });
  const health = repeat(stop, 0, async () => {
    const response = await fetch(`${centralUrl}/api/v1/health`);
    await response.text();
    if (response.status !== 200) throw new Error(`health answered ${response.status}`);
  });
  const push = repeat(stop, PUSH_EVERY_MS, async () => {
    const [result] = await kiosk.push([{ idempotencyKey: `bench-${cryptoRandomSource.uuid()}`, command: { type: 'login-succeeded', userId: site.userId, at: Date.now() } }], 30_000);
    if (result?.status !== 'accepted') throw new Error(`push answered ${JSON.stringify(result)}`);
  });
  return Promise.all([health, push]).then(([healthMs, pushMs]) => ({ healthMs, pushMs }));
}

function figures(samples: { healthMs: number[]; pushMs: number[] }) {
  const health = [...samples.healthMs].sort((a, b) => a - b);
  const push = [...samples.pushMs].sort((a, b) => a - b);
  return {
    healthP50Ms: round(percentile(health, 50)), healthP99Ms: round(percentile(health, 99)), healthMaxMs: round(health.at(-1) ?? NaN), healthSamples: health.length,
    pushP50Ms: round(percentile(push, 50)), pushMaxMs: round(push.at(-1) ?? NaN), pushSamples: push.length,
  };
}

async function underLoad(backend: 'sqlite' | 'postgres', dir: string, db: string): Promise<void> {
  const site = await seedSite(dir, db);
  const server = await startServer(site);
  try {
    const idleUntil = performance.now() + BASELINE_MS;
    const baseline = figures(await load(server.central, site, () => performance.now() > idleUntil));
    const csv = bigUsersCsv(ROWS, 'bench', 30_000_000);
    let done = false;
    const start = performance.now();
    const imported = fetch(`${server.central}/api/v1/admin/users/import`, {
      method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${site.adminToken}` }, body: csv,
    }).then(async (response) => ({ status: response.status, body: await response.text(), seconds: (performance.now() - start) / 1000 }))
      .finally(() => (done = true));
    const during = figures(await load(server.central, site, () => done));
    const outcome = await imported;
    if (outcome.status !== 200) throw new Error(`import answered ${outcome.status}: ${outcome.body}`);
    emit({
      bench: 'central-import-under-load', backend, rows: ROWS, importSeconds: round(outcome.seconds), ...during,
      baseline, goal: `health p99 ≤ ${GOAL.healthP99Ms} ms, push ≤ ${GOAL.pushMaxMs} ms`,
      met: during.healthP99Ms <= GOAL.healthP99Ms && during.pushMaxMs <= GOAL.pushMaxMs,
    });
  } finally {
    await server.stop();
  }
}

export async function runCentralImportUnderLoadBench(): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'bk-bench-import-'));
  try {
    await underLoad('sqlite', path.join(root, 'sqlite'), `sqlite:${path.join(root, 'sqlite', 'central.sqlite')}`);
    const postgres = await startTestPostgres();
    try {
      await underLoad('postgres', path.join(root, 'postgres'), await postgres.createDatabase('import_load'));
    } finally {
      postgres.stop();
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
