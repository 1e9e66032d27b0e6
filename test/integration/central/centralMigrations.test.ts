import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { CENTRAL_MIGRATIONS, LATEST_CENTRAL_SCHEMA } from '../../../src/central/storage/migrations/index.js';
import { schemaVersion } from '../../../src/central/storage/migrator.js';
import { openCentralStorage } from '../../../src/central/storage/openCentralStorage.js';
import { backendDatabases, CENTRAL_BACKENDS, type BackendDatabases } from '../../support/centralBackends.js';
import { removeDir, runCli, tempDir } from '../../support/centralProcess.js';

describe.each(CENTRAL_BACKENDS)('central store migrations on %s', (backend) => {
  let dir: string;
  let dbs: BackendDatabases;

  beforeAll(async () => {
    dir = await tempDir('bk-migrations-');
    dbs = await backendDatabases(backend, dir);
  });
  afterAll(async () => {
    dbs?.stop();
    if (dir) await removeDir(dir);
  });

  it('build an empty database up to the latest schema, once, even when two processes open it together', async () => {
    const url = await dbs.fresh('fresh');
    const passwordFile = path.join(dir, 'password');
    await writeFile(passwordFile, 'a long enough password\n');
    const created = await Promise.all(['first', 'second'].map((username) =>
      runCli(['--data-dir', dir, 'central', 'admin', 'create', '--db', url, '--username', username, '--password-file', passwordFile])));
    expect(created.map((c) => c.code)).toEqual([0, 0]);
    const first = await openCentralStorage(url);
    try {
      expect(await schemaVersion(first.db)).toBe(LATEST_CENTRAL_SCHEMA);
      const applied = await first.db.selectFrom('schema_migrations').select(['version', 'name']).orderBy('version').execute();
      expect(applied.map((m) => Number(m.version))).toEqual(CENTRAL_MIGRATIONS.map((m) => m.version));
      expect(await first.latestSeq()).toBe(0);
      // Every table of the interface answers on this backend.
      for (const table of ['site', 'users', 'card_numbers', 'user_tombstones', 'card_changes', 'config', 'kiosks', 'commands', 'audit', 'admins', 'admin_sessions', 'admin_tokens', 'kiosk_reader_profiles', 'typed_id_attempts'] as const) {
        await first.db.selectFrom(table).selectAll().limit(1).execute();
      }
      expect((await first.db.selectFrom('admins').select('username').orderBy('username').execute()).map((a) => a.username)).toEqual(['first', 'second']);
    } finally {
      await first.close();
    }
    const again = await openCentralStorage(url);
    expect(await schemaVersion(again.db)).toBe(LATEST_CENTRAL_SCHEMA);
    await again.close();
  });

  it('keep Card/ID numbers unique across both fields in the schema itself', async () => {
    const url = await dbs.fresh('unique');
    const storage = await openCentralStorage(url);
    try {
      await storage.write(async (tx) => {
        for (const id of ['u1', 'u2']) {
          await tx.db.insertInto('users').values({
            id, username: id, display_name: id, email: '', primary_card: null, secondary_card: null, pin_hash: null, pin_set_at: null,
            disabled: 0, failed_attempts: 0, locked_until: null, version: 1, created_at: 0, updated_at: 0, seq: await tx.nextSeq(),
          }).execute();
        }
        await tx.db.insertInto('card_numbers').values({ number: '42', user_id: 'u1', field: 'primary' }).execute();
      });
      await expect(storage.write((tx) => tx.db.insertInto('card_numbers').values({ number: '42', user_id: 'u2', field: 'secondary' }).execute())).rejects.toThrow();
      expect(await storage.latestSeq()).toBe(2);
    } finally {
      await storage.close();
    }
  });

  it('migration 7 keeps typed-ID failures by digest, one row per digest, with the sequence of its last change', async () => {
    const url = await dbs.fresh('typedid');
    const storage = await openCentralStorage(url);
    try {
      const digest = 'c'.repeat(64);
      await storage.write(async (tx) => {
        await tx.db.insertInto('typed_id_attempts').values({ digest, failures: 1, locked_until: null, last_failure_at: 1_700_000_000_000, seq: await tx.nextSeq() }).execute();
      });
      await expect(storage.write(async (tx) =>
        tx.db.insertInto('typed_id_attempts').values({ digest, failures: 2, locked_until: null, last_failure_at: 0, seq: await tx.nextSeq() }).execute())).rejects.toThrow();
      expect(await storage.db.selectFrom('typed_id_attempts').selectAll().execute()).toEqual([
        { digest, failures: 1, locked_until: null, last_failure_at: expect.anything(), seq: expect.anything() },
      ]);
    } finally {
      await storage.close();
    }
  });

  it('refuse a database written by a newer badgekiosk', async () => {
    const url = await dbs.fresh('newer');
    const storage = await openCentralStorage(url);
    await storage.write((tx) => sql`insert into schema_migrations (version, name, applied_at) values (999, 'from the future', 0)`.execute(tx.db));
    await storage.close();
    await expect(openCentralStorage(url)).rejects.toThrow(/schema version 999, newer than this badgekiosk knows/);
  });

  it('roll a failed write transaction back entirely, its sequence included', async () => {
    const url = await dbs.fresh(`rollback_${path.basename(dir)}`);
    const storage = await openCentralStorage(url);
    try {
      await expect(storage.write(async (tx) => {
        await tx.nextSeq();
        await tx.db.insertInto('config').values({ name: 'pin.max-length', value: '6', updated_at: 0, seq: 1 }).execute();
        throw new Error('changed my mind');
      })).rejects.toThrow('changed my mind');
      expect(await storage.latestSeq()).toBe(0);
      expect(await storage.db.selectFrom('config').selectAll().execute()).toEqual([]);
    } finally {
      await storage.close();
    }
  });
});
