import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openKioskStore, type KioskStore } from '../src/store/index.js';
import { compare, emit, ratio, timeSync } from './benchStats.js';

const USERS = 1_000_000;
const LOOKUPS = 100_000;
const BLOCK = 1000;

/** Card numbers of user i: primary and secondary, disjoint ranges, 9 digits (a string, as always). */
export const primaryCardOf = (i: number) => String(100_000_000 + i);
export const secondaryCardOf = (i: number) => String(300_000_000 + i);

/**
 * Fills a kiosk store with `count` users in one transaction with the store's own INSERT (its
 * trigger fills card_numbers). Keys ascend so every index grows at its end: only the filling
 * is made fast, the lookups measured afterwards are random.
 */
export function fillStore(store: KioskStore, count: number): void {
  const insert = store.db.prepare(
    `INSERT INTO users (id, username, display_name, email, primary_card, secondary_card, pin_hash, version, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, 1, ?)`,
  );
  const now = Date.now();
  store.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const key = String(i).padStart(7, '0');
      insert.run(`bench-${key}`, `user${key}`, `User ${i}`, `user${i}@example.org`, primaryCardOf(i), secondaryCardOf(i), now);
    }
  })();
}

/**
 * Card lookup through UserRepository.findByCard on a store of a million users, beside a raw
 * better-sqlite3 prepared statement doing the same join on the same file. Blocks of each
 * alternate so both see the same machine noise.
 */
export async function runCardLookupBench(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-lookup-'));
  const file = path.join(dir, 'kiosk.sqlite');
  try {
    const store = openKioskStore({ file });
    const fillStart = process.hrtime.bigint();
    fillStore(store, USERS);
    const fillSeconds = Number(process.hrtime.bigint() - fillStart) / 1e9;
    const raw = new Database(file, { readonly: true });
    const rawLookup = raw.prepare('SELECT u.* FROM card_numbers c JOIN users u ON u.row_id = c.user_row WHERE c.card_number = ?');
    const cards = Array.from({ length: LOOKUPS }, (_, k) => {
      const i = Math.floor(Math.random() * USERS);
      return k % 2 === 0 ? primaryCardOf(i) : secondaryCardOf(i);
    });
    const users = store.uow.repos.users;
    const repoNs: number[] = [];
    const rawNs: number[] = [];
    let misses = 0;
    // Warm both paths (page cache, statement caches) before measuring.
    for (let k = 0; k < 2000; k++) {
      users.findByCard(cards[k]!);
      rawLookup.get(cards[k]!);
    }
    for (let start = 0; start < LOOKUPS; start += BLOCK) {
      for (let k = start; k < start + BLOCK; k++) repoNs.push(timeSync(() => users.findByCard(cards[k]!) ?? misses++));
      for (let k = start; k < start + BLOCK; k++) rawNs.push(timeSync(() => rawLookup.get(cards[k]!) ?? misses++));
    }
    if (misses > 0) throw new Error(`${misses} lookups found no user`);
    raw.close();
    store.close();
    const { subject: repo, baseline: base, ratio: medianRatio } = compare(repoNs, rawNs);
    emit({
      bench: 'card-lookup',
      users: USERS,
      lookups: LOOKUPS,
      repositoryMedianUs: repo.medianUs,
      repositoryP99Us: repo.p99Us,
      rawMedianUs: base.medianUs,
      rawP99Us: base.p99Us,
      ratio: medianRatio,
      p99Ratio: ratio(repo.p99Us, base.p99Us),
      fillSeconds: Math.round(fillSeconds * 10) / 10,
      goal: 'ratio <= 1.5',
      met: medianRatio <= 1.5,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
