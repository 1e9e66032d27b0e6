// Admin console benchmarks (`npm run bench -- adminConsole`), issue 13:
// - user search at 1,000,000 users through the admin API (GET /api/v1/admin/users, a real central
//   store in this process, cookie session) vs the same two statements (page + count) run straight
//   on the SQLite file with better-sqlite3; goal API p95 ≤ 2× the database and ≤ 100 ms;
// - console first load to interactive, cold (a new browser context each time: no cache), for the
//   sign-in screen and for Options > General with a session; goal ≤ 1.5 s;
// - the first screen's bundle, gzip; goal ≤ 250 KB.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { chromium } from 'playwright';
import { createAdminAccount } from '../src/central/services/adminAccounts.js';
import { ensureSite } from '../src/central/services/siteIdentity.js';
import { openSqliteStorage } from '../src/central/storage/sqliteBackend.js';
import { startCentral } from '../src/central/startCentral.js';
import { createArgon2PinHasher, loadOrCreatePepper } from '../src/pinHashing/index.js';
import { cryptoRandomSource } from '../src/platform/index.js';
import { emit, percentile, ratio } from './benchStats.js';

const USERS = Number(process.env.BENCH_ADMIN_USERS ?? 1_000_000);
const SAMPLES = 15;
const ADMIN = { username: 'bench', password: 'bench password long enough' };
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const round = (n: number) => Math.round(n * 10) / 10;

/** `users` users written raw into a migrated central database: set-up, not measured. */
async function seed(file: string, pepperFile: string): Promise<void> {
  const storage = await openSqliteStorage(file);
  await ensureSite(storage, await loadOrCreatePepper(pepperFile), Date.now());
  const created = await createAdminAccount(storage, ADMIN, await createArgon2PinHasher({ pepperFile }), Date.now(), () => cryptoRandomSource.uuid());
  if (!created.ok) throw new Error(created.message);
  await storage.close();
  const db = new Database(file);
  const user = db.prepare(
    `INSERT INTO users (id, username, display_name, email, primary_card, secondary_card, pin_hash, pin_set_at, disabled, failed_attempts, locked_until, version, created_at, updated_at, seq)
     VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, 0, 0, NULL, 1, ?, ?, ?)`,
  );
  const card = db.prepare(`INSERT INTO card_numbers (number, user_id, field) VALUES (?, ?, 'primary')`);
  const now = Date.now();
  db.transaction(() => {
    for (let i = 1; i <= USERS; i++) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      user.run(id, `user${i}`, `Person ${i}`, `user${i}@example.org`, String(10_000_000 + i), now, now, i);
      card.run(String(10_000_000 + i), id);
    }
    db.prepare('UPDATE change_counter SET seq = ? WHERE id = 1').run(USERS);
  })();
  db.close();
}

/** The statements searchUsers runs on SQLite (src/central/services/adminUsers.ts), written by hand. */
function rawSearch(db: Database.Database) {
  const where = `(lower(username) like ? escape '\\' or lower(display_name) like ? escape '\\' or lower(email) like ? escape '\\' or primary_card = ? or secondary_card = ?)`;
  const page = db.prepare(`select * from users where ${where} order by username limit ? offset ?`);
  const count = db.prepare(`select count(*) as n from users where ${where}`);
  const indexed = `(rowid in (select rowid from users_search where users_search match ?) or id in (select user_id from card_numbers where number = ?))`;
  const pageIndexed = db.prepare(`select * from users where ${indexed} order by username limit ? offset ?`);
  const countIndexed = db.prepare(`select count(*) as n from users where ${indexed}`);
  const pageAll = db.prepare('select * from users order by username limit ? offset ?');
  const countAll = db.prepare('select count(*) as n from users');
  return (search: string, limit: number, offset: number) => {
    if (!search) return [pageAll.all(limit, offset), countAll.get()];
    if (search.length >= 3) {
      const args = [`"${search.replace(/"/g, '""')}"`, search];
      return [pageIndexed.all(...args, limit, offset), countIndexed.get(...args)];
    }
    const pattern = `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const args = [pattern, pattern, pattern, search, search];
    return [page.all(...args, limit, offset), count.get(...args)];
  };
}

async function searchBench(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bk-bench-admin-'));
  const file = path.join(dir, 'central.sqlite');
  const pepperFile = path.join(dir, 'pepper');
  try {
    const seeded = Date.now();
    await seed(file, pepperFile);
    const seedMs = Date.now() - seeded;
    const central = await startCentral({
      db: `sqlite:${file}`, host: '127.0.0.1', port: 0, pepperFile, logLevel: false,
      rateLimits: { globalPerMinute: 100_000_000, loginPerMinute: 1000 },
    });
    try {
      const login = await fetch(`${central.url}/api/v1/admin/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const raw = rawSearch(new Database(file, { readonly: true }));
      // What an administrator types: nothing (first page), a late page, a whole Card/ID number, a
      // username that matches one user, and a name part that matches few.
      const cases: readonly { name: string; search: string; offset: number }[] = [
        { name: 'first-page', search: '', offset: 0 },
        { name: 'page-10000', search: '', offset: 500_000 },
        { name: 'card-number', search: String(10_000_000 + Math.floor(USERS * 0.7)), offset: 0 },
        { name: 'username', search: `user${Math.floor(USERS * 0.9)}`, offset: 0 },
        { name: 'name-part', search: 'person 12345', offset: 0 },
      ];
      for (const c of cases) {
        const api: number[] = [];
        const db: number[] = [];
        // One untimed round first: the first request of a route compiles its serializer, the first statement warms the page cache.
        for (let i = -1; i < SAMPLES; i++) {
          const query = new URLSearchParams({ limit: '50', offset: String(c.offset), ...(c.search ? { search: c.search } : {}) });
          let start = performance.now();
          const answer = await fetch(`${central.url}/api/v1/admin/users?${query}`, { headers: { cookie } });
          if (answer.status !== 200) throw new Error(`search ${c.name}: HTTP ${answer.status}`);
          await answer.json();
          const apiMs = performance.now() - start;
          start = performance.now();
          raw(c.search, 50, c.offset);
          const dbMs = performance.now() - start;
          if (i < 0) continue;
          api.push(apiMs);
          db.push(dbMs);
        }
        api.sort((a, b) => a - b);
        db.sort((a, b) => a - b);
        const apiP95 = percentile(api, 95);
        const dbP95 = percentile(db, 95);
        emit({
          bench: `admin-user-search.${c.name}`, users: USERS, samples: SAMPLES, seedMs,
          apiP50Ms: round(percentile(api, 50)), apiP95Ms: round(apiP95), dbP50Ms: round(percentile(db, 50)), dbP95Ms: round(dbP95),
          ratio: ratio(apiP95, dbP95), goal: 'api p95 ≤ 2× db p95 and ≤ 100 ms', met: apiP95 <= 2 * dbP95 && apiP95 <= 100,
        });
      }
      await consoleLoadBench(central.url, cookie);
    } finally {
      await central.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Navigation start → the first screen's control is visible, in a fresh context (no cache) each run. */
async function consoleLoadBench(url: string, cookie: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    for (const screen of ['sign-in', 'options-general'] as const) {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        if (screen === 'options-general') {
          const [name, value] = cookie.split('=') as [string, string];
          await context.addCookies([{ name, value, url: `${url}/api/v1/admin` }]);
        }
        const page = await context.newPage();
        const start = performance.now();
        await page.goto(`${url}/admin/`);
        await (screen === 'sign-in' ? page.getByLabel('Username') : page.getByLabel('Allow users to change their Card/ID PIN')).waitFor();
        times.push(performance.now() - start);
        await context.close();
      }
      times.sort((a, b) => a - b);
      emit({ bench: `admin-console-first-load.${screen}`, runs: times.length, medianMs: round(percentile(times, 50)), maxMs: round(times[times.length - 1]!), goal: '≤ 1500 ms cold', met: percentile(times, 50) <= 1500 });
    }
  } finally {
    await browser.close();
  }
}

/** Every file index.html loads (the whole first screen: the console has one chunk), gzip -9. */
function bundleBench(): void {
  const dist = path.join(root, 'dist', 'renderer', 'admin');
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/admin\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
  const sizes = files.map((f) => ({ file: f, bytes: readFileSync(path.join(dist, f)).length, gzip: gzipSync(readFileSync(path.join(dist, f)), { level: 9 }).length }));
  const gzip = sizes.reduce((sum, s) => sum + s.gzip, 0) + gzipSync(html).length;
  emit({ bench: 'admin-console-bundle', files: sizes, gzipKB: round(gzip / 1024), goal: '≤ 250 KB gzip for the first screen', met: gzip / 1024 <= 250 });
}

export async function runAdminConsoleBench(): Promise<void> {
  bundleBench();
  await searchBench();
}
