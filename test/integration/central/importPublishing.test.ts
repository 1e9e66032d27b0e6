import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { searchUsers } from '../../../src/central/services/adminUsers.js';
import { readChanges } from '../../../src/central/services/changeFeed.js';
import { importUsersCsv } from '../../../src/central/services/centralUserImport.js';
import { addPendingUsers, beginImport, publishImport, ROWS_PER_TRANSACTION, sweepImports } from '../../../src/central/services/pendingImport.js';
import { findUserRowByUsername, insertUserRow, usernameHolder } from '../../../src/central/services/userRows.js';
import type { CentralDb, CentralStorage, WriteTx } from '../../../src/central/storage/centralStorage.js';
import { openCentralStorage } from '../../../src/central/storage/openCentralStorage.js';
import { createArgon2PinHasher } from '../../../src/pinHashing/index.js';
import { cryptoRandomSource, systemClock } from '../../../src/platform/index.js';
import { backendDatabases, CENTRAL_BACKENDS, type BackendDatabases } from '../../support/centralBackends.js';
import { removeDir, tempDir } from '../../support/centralProcess.js';

// Issue 11, finding 3: an import publishes in short transactions behind a visibility marker, so
// other writers get the write lock between them, yet nobody sees any imported user before the one
// flip, and a failure or a dead process leaves nothing behind. Real storage on both backends and
// real argon2; the storage is wrapped only to count the rows each write transaction adds, and the
// hasher only to act at a known moment (while a later chunk hashes its PINs).
/** `rows` users, PINs only where `pins` (row index to PIN) says. */
function csvOf(rows: number, pins: ReadonlyMap<number, string>, prefix: string, cardBase: number): string {
  const lines = ['username,name,email,primary_card,secondary_card,pin'];
  for (let i = 0; i < rows; i++) {
    const pin = pins.get(i) ?? '';
    lines.push(`${prefix}${i},User ${i},${prefix}${i}@example.org,${cardBase + i},,${pin}`);
  }
  return lines.join('\n') + '\n';
}

const allUsers = async (db: CentralDb) => Number((await db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe.each(CENTRAL_BACKENDS)('an import published in short transactions on %s', (backend) => {
  const CHUNK = ROWS_PER_TRANSACTION[backend];
  const ROWS = 3 * CHUNK + 100;
  const PIN_ROW = CHUNK + 10; // in the second chunk: the first is written by then
  const FAILING_PIN_ROW = 2 * CHUNK + 10; // in the third
  const csv = (prefix: string, cardBase: number) => csvOf(ROWS, new Map([[PIN_ROW, '271828'], [FAILING_PIN_ROW, '314159']]), prefix, cardBase);
  let dir: string;
  let dbs: BackendDatabases;
  let storage: CentralStorage;
  let argon2: Awaited<ReturnType<typeof createArgon2PinHasher>>;
  const events: string[] = [];
  const rowsPerWrite: number[] = [];

  /** The storage, with every write transaction noting how many users it added. */
  function watched(): CentralStorage {
    const counted = <T>(fn: (tx: WriteTx) => Promise<T>) => async (tx: WriteTx) => {
      const before = await allUsers(tx.db);
      const result = await fn(tx);
      const added = (await allUsers(tx.db)) - before;
      rowsPerWrite.push(added);
      if (added > 0) events.push('import wrote users');
      return result;
    };
    return Object.create(storage, {
      write: { value: <T>(fn: (tx: WriteTx) => Promise<T>) => storage.write(counted(fn)) },
    }) as CentralStorage;
  }

  beforeAll(async () => {
    dir = await tempDir('bk-import-publish-');
    dbs = await backendDatabases(backend, dir);
    storage = await openCentralStorage(await dbs.fresh('publish'));
    argon2 = await createArgon2PinHasher({ pepperFile: path.join(dir, 'pepper') });
  });

  afterAll(async () => {
    await storage?.close();
    dbs?.stop();
    if (dir) await removeDir(dir);
  });

  const importAs = (csv: string, pinHasher: { hash(pin: string): Promise<string> }) =>
    importUsersCsv(csv, { storage: watched(), pinHasher, hashConcurrency: 1, clock: systemClock, random: cryptoRandomSource }, { username: 'admin' });

  it('lets another writer commit between its transactions, none over a chunk, and shows no imported user before the flip, then all of them', async () => {
    events.length = 0;
    rowsPerWrite.length = 0;
    const seen: Record<string, unknown> = {};
    const pinHasher = {
      async hash(pin: string) {
        if (pin === '271828') {
          events.push('second chunk hashing');
          await storage.write((tx) => insertUserRow(tx, {
            id: cryptoRandomSource.uuid(), username: 'interim', displayName: 'Interim', email: '', primaryCard: null, secondaryCard: null, pinHash: null,
          }, Date.now()));
          events.push('another writer committed');
          const feed = await readChanges(storage, 0, 10 * ROWS, Date.now());
          seen.feedUsers = feed.changes.filter((change) => change.type === 'user').map((change) => change.type === 'user' && change.user.username);
          seen.search = (await searchUsers(storage.db, { search: 'bulk', limit: 10, offset: 0 }, storage.dialect)).total;
          seen.firstByName = await findUserRowByUsername(storage.db, 'bulk0');
          seen.firstNameHeld = (await usernameHolder(storage.db, 'BULK0'))?.username === 'bulk0';
        }
        return argon2.hash(pin);
      },
    };
    const outcome = await importAs(csv('bulk', 81_000_000), pinHasher);
    expect(outcome).toEqual({ ok: true, imported: ROWS, withPin: 2 });
    expect(seen).toEqual({ feedUsers: ['interim'], search: 0, firstByName: undefined, firstNameHeld: true });
    // The first chunk was written before the other writer got in, the rest after.
    expect(events.slice(0, 3)).toEqual(['import wrote users', 'second chunk hashing', 'another writer committed']);
    expect(events.slice(3)).toContain('import wrote users');
    expect(Math.max(...rowsPerWrite)).toBeLessThanOrEqual(CHUNK);

    expect((await searchUsers(storage.db, { search: 'bulk', limit: 10, offset: 0 }, storage.dialect)).total).toBe(ROWS);
    const feed = await readChanges(storage, 0, 10 * ROWS, Date.now());
    const imported = feed.changes.filter((change) => change.type === 'user' && change.user.username.startsWith('bulk'));
    expect(imported).toHaveLength(ROWS);
    const interimSeq = feed.changes.find((change) => change.type === 'user' && change.user.username === 'interim')!.seq;
    expect(new Set(imported.map((change) => change.seq)).size).toBe(ROWS);
    expect(Math.min(...imported.map((change) => change.seq))).toBeGreaterThan(interimSeq);
    expect(feed.next).toBe(await storage.latestSeq());
  });

  it('leaves no row behind, seen or unseen, when it fails after some chunks were written, and the same file imports afterwards', async () => {
    const before = await allUsers(storage.db);
    const failing = {
      async hash(pin: string) {
        if (pin === '314159') throw new Error('hashing failed (injected)');
        return argon2.hash(pin);
      },
    };
    const failedCsv = csv('failed', 82_000_000);
    await expect(importAs(failedCsv, failing)).rejects.toThrow('hashing failed (injected)');
    expect(await allUsers(storage.db)).toBe(before);
    expect(await storage.db.selectFrom('user_imports').selectAll().execute()).toEqual([]);
    expect(await importAs(failedCsv, argon2)).toEqual({ ok: true, imported: ROWS, withPin: 2 });
    expect(await allUsers(storage.db)).toBe(before + ROWS);
  });

  it('sweeps an import whose process died, keeps one still running, and finishes one that was published', async () => {
    const exited = spawnSync(process.execPath, ['-e', '']).pid;
    const users = (prefix: string) => [0, 1, 2].map((i) => ({
      id: cryptoRandomSource.uuid(), username: `${prefix}${i}`, displayName: prefix, email: '', primaryCard: `${prefix === 'dead' ? 83 : prefix === 'live' ? 84 : 85}00000${i}`, secondaryCard: null, pinHash: null,
    }));
    const now = Date.now();
    for (const prefix of ['dead', 'live', 'flipped']) {
      await beginImport(storage, `${prefix}-import`, 3, now);
      expect(await addPendingUsers(storage, `${prefix}-import`, users(prefix), 0, now)).toEqual([]);
    }
    await storage.write((tx) => tx.db.updateTable('user_imports').set({ owner: `${os.hostname()}/${exited}/a-boot-long-gone` }).where('id', '=', 'dead-import').execute());
    await storage.write((tx) => publishImport(tx, 'flipped-import'));
    const seqBefore = await storage.latestSeq();

    expect(await sweepImports(storage, now)).toEqual({ discarded: 1, settled: 1, stopped: false });
    const byPrefix = async (prefix: string) => (await storage.db.selectFrom('users').select(['username', 'import_id', 'seq']).where('username', 'like', `${prefix}%`).orderBy('username').execute())
      .map((row) => [row.username, row.import_id, Number(row.seq) > seqBefore]);
    expect(await byPrefix('dead')).toEqual([]);
    expect(await storage.db.selectFrom('card_numbers').select('number').where('number', 'like', '83%').execute()).toEqual([]);
    expect(await byPrefix('live')).toEqual([['live0', 'live-import', false], ['live1', 'live-import', false], ['live2', 'live-import', false]]);
    expect(await findUserRowByUsername(storage.db, 'live0')).toBeUndefined();
    expect(await byPrefix('flipped')).toEqual([['flipped0', null, true], ['flipped1', null, true], ['flipped2', null, true]]);
    expect((await storage.db.selectFrom('user_imports').select('id').execute()).map((row) => row.id)).toEqual(['live-import']);

    // A heartbeat older than ten minutes is dead wherever its process ran.
    expect(await sweepImports(storage, now + 11 * 60_000)).toEqual({ discarded: 1, settled: 0, stopped: false });
    expect(await byPrefix('live')).toEqual([]);
  });

  it('a sweep told to stop (the process stopping) ends after the chunk in hand; the published rows stay visible and the next sweep finishes both imports', async () => {
    const exited = spawnSync(process.execPath, ['-e', '']).pid;
    const users = (prefix: string, count: number, cardBase: number) => Array.from({ length: count }, (_, i) => ({
      id: cryptoRandomSource.uuid(), username: `${prefix}${i}`, displayName: prefix, email: '', primaryCard: String(cardBase + i), secondaryCard: null, pinHash: null,
    }));
    const now = Date.now();
    await beginImport(storage, 'stop-published', 3 * CHUNK, now);
    expect(await addPendingUsers(storage, 'stop-published', users('stoppub', 3 * CHUNK, 86_000_000), 0, now)).toEqual([]);
    await storage.write((tx) => publishImport(tx, 'stop-published'));
    await beginImport(storage, 'stop-dead', 2 * CHUNK, now);
    expect(await addPendingUsers(storage, 'stop-dead', users('stopdead', 2 * CHUNK, 87_000_000), 0, now)).toEqual([]);
    await storage.write((tx) => tx.db.updateTable('user_imports').set({ owner: `${os.hostname()}/${exited}/a-boot-long-gone` }).where('id', '=', 'stop-dead').execute());

    // Stopped while the first chunk is written: the sweep must not start a second.
    const stop = new AbortController();
    const stopping = Object.create(storage, {
      write: { value: <T>(fn: (tx: WriteTx) => Promise<T>) => storage.write(fn).finally(() => stop.abort()) },
    }) as CentralStorage;
    const marked = async (id: string) => Number((await storage.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).where('import_id', '=', id).executeTakeFirstOrThrow()).n);
    expect(await sweepImports(stopping, now, stop.signal)).toEqual({ discarded: 0, settled: 0, stopped: true });
    expect(await marked('stop-published') + await marked('stop-dead')).toBe(5 * CHUNK - CHUNK);
    expect((await storage.db.selectFrom('user_imports').select('id').where('id', 'like', 'stop-%').orderBy('id').execute()).map((row) => row.id)).toEqual(['stop-dead', 'stop-published']);
    expect((await findUserRowByUsername(storage.db, `stoppub${3 * CHUNK - 1}`))?.import_id).toBe('stop-published');
    expect(await findUserRowByUsername(storage.db, 'stopdead0')).toBeUndefined();

    expect(await sweepImports(storage, now)).toEqual({ discarded: 1, settled: 1, stopped: false });
    expect(await marked('stop-published') + await marked('stop-dead')).toBe(0);
    expect(await storage.db.selectFrom('users').select('id').where('username', 'like', 'stopdead%').execute()).toEqual([]);
    expect(Number((await storage.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).where('username', 'like', 'stoppub%').where('seq', '>', 0).executeTakeFirstOrThrow()).n)).toBe(3 * CHUNK);
  });
});
