import Database from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { LATEST_CENTRAL_SCHEMA } from '../../../src/central/storage/migrations/index.js';
import { schemaVersion } from '../../../src/central/storage/migrator.js';
import { openCentralStorage } from '../../../src/central/storage/openCentralStorage.js';
import type { WriteTx } from '../../../src/central/storage/centralStorage.js';
import { backendDatabases, CENTRAL_BACKENDS, type BackendDatabases } from '../../support/centralBackends.js';
import { adminLogin, createAdminWithCli, removeDir, startCentralProcess, tempDir, type CentralProcess } from '../../support/centralProcess.js';

const CSV_HEADER = 'username,name,email,primary_card,secondary_card,pin';

/** Straight to the database, past the migrator: a database m008 refused cannot be opened otherwise. */
async function rawQuery(url: string, statement: string): Promise<Record<string, unknown>[]> {
  if (url.startsWith('sqlite:')) {
    const db = new Database(url.slice('sqlite:'.length));
    try {
      const prepared = db.prepare(statement);
      if (prepared.reader) return prepared.all() as Record<string, unknown>[];
      prepared.run();
      return [];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(statement)).rows;
  } finally {
    await client.end();
  }
}

async function insertUser(tx: WriteTx, id: string, username: string): Promise<void> {
  await tx.db.insertInto('users').values({
    id, username, display_name: username, email: '', primary_card: null, secondary_card: null, pin_hash: null, pin_set_at: null,
    disabled: 0, failed_attempts: 0, locked_until: null, version: 1, created_at: 0, updated_at: 0, seq: await tx.nextSeq(),
  }).execute();
}

// Issue 11, finding 10: `Alice` and `alice` cannot both exist.
describe.each(CENTRAL_BACKENDS)('usernames unique whatever their case on %s', (backend) => {
  let dir: string;
  let dbs: BackendDatabases;
  let central: CentralProcess | undefined;

  beforeAll(async () => {
    dir = await tempDir('bk-username-case-');
    dbs = await backendDatabases(backend, dir);
  });
  afterAll(async () => {
    await central?.stop();
    dbs?.stop();
    if (dir) await removeDir(dir);
  });

  it('migration m008 refuses a database whose usernames clash by case, naming them, and changes nothing; once renamed it applies', async () => {
    const url = await dbs.fresh('migration');
    // A database as the code before m008 left it, with clashing users in it.
    const before = await openCentralStorage(url);
    await before.write(async (tx) => {
      await sql`drop index users_username_lower_unique`.execute(tx.db);
      await sql`create index users_username_lower on users (lower(username))`.execute(tx.db);
      await sql`delete from schema_migrations where version = 8`.execute(tx.db);
      for (const [id, username] of [['u1', 'alice'], ['u2', 'Alice'], ['u3', 'bob'], ['u4', 'BOB'], ['u5', 'carol']]) await insertUser(tx, id!, username!);
    });
    await before.close();

    await expect(openCentralStorage(url)).rejects.toThrow('these differ only in case: Alice and alice; BOB and bob. Rename all but one of each');
    expect(await rawQuery(url, 'select version from schema_migrations where version = 8')).toEqual([]);
    expect((await rawQuery(url, 'select username from users order by id')).map((r) => r.username)).toEqual(['alice', 'Alice', 'bob', 'BOB', 'carol']);

    await rawQuery(url, "update users set username = 'alice.smith' where id = 'u1'");
    await rawQuery(url, "update users set username = 'bob.jones' where id = 'u3'");
    const after = await openCentralStorage(url);
    try {
      // Applied, and every later migration with it.
      expect(await schemaVersion(after.db)).toBe(LATEST_CENTRAL_SCHEMA);
      expect(await rawQuery(url, 'select version from schema_migrations where version = 8')).toHaveLength(1);
      await expect(after.write((tx) => insertUser(tx, 'u6', 'CAROL'))).rejects.toThrow();
      await after.write((tx) => insertUser(tx, 'u7', 'carol.b'));
    } finally {
      await after.close();
    }
  });

  it('the admin API and CSV import refuse a username that differs only in case, naming the holder; a user may change the case of their own', async () => {
    const db = await dbs.fresh('api');
    await createAdminWithCli(dir, db);
    central = await startCentralProcess({ dataDir: dir, db });
    const admin = await adminLogin(central.url);

    const alice = await admin.call('POST', '/api/v1/admin/users', { username: 'Alice', primaryCard: '7100001' });
    expect(alice.status).toBe(201);
    const twin = await admin.call('POST', '/api/v1/admin/users', { username: 'alice', primaryCard: '7100002' });
    expect(twin.status).toBe(409);
    expect(twin.body.error).toMatchObject({ code: 'conflict', message: 'The username alice is already taken by Alice (usernames ignore case).' });

    const bob = (await admin.call('POST', '/api/v1/admin/users', { username: 'bob', primaryCard: '7100003' })).body;
    const renamed = await admin.call('PATCH', `/api/v1/admin/users/${bob.id}`, { username: 'ALICE' });
    expect(renamed.status).toBe(409);
    expect(renamed.body.error.message).toBe('The username ALICE is already taken by Alice (usernames ignore case).');
    expect((await admin.call('PATCH', `/api/v1/admin/users/${alice.body.id}`, { username: 'ALICE' })).body).toMatchObject({ username: 'ALICE' });

    const refused = await admin.call('POST', '/api/v1/admin/users/import', `${CSV_HEADER}\nalice,A,,7100010,,\nCarol,C,,7100011,,\ncarol,C2,,7100012,,\nBOB,B,,7100013,,\n`);
    expect(refused.status).toBe(422);
    expect(refused.body.problems).toEqual([
      { line: 2, reason: 'username alice already exists as ALICE (usernames ignore case)' },
      { line: 4, reason: 'duplicate username carol (also on line 3 as Carol; usernames ignore case)' },
      { line: 5, reason: 'username BOB already exists as bob (usernames ignore case)' },
    ]);
    expect((await admin.call('GET', '/api/v1/admin/users?limit=10')).body.total).toBe(2);
  });
});
