import path from 'node:path';
import { sql } from 'kysely';
import { searchUsers } from '../../../src/central/services/adminUsers.js';
import { openCentralStorage } from '../../../src/central/storage/openCentralStorage.js';
import type { CentralStorage } from '../../../src/central/storage/centralStorage.js';
import { removeDir, tempDir } from '../../support/centralProcess.js';

/** Central migration 3 (the SQLite trigram index of the admin user search) on a real SQLite file. */
describe('user search index (SQLite, central migration 3)', () => {
  let dir: string;
  let url: string;

  beforeAll(async () => {
    dir = await tempDir('bk-search-index-');
    url = `sqlite:${path.join(dir, 'central.sqlite')}`;
  });
  afterAll(async () => {
    if (dir) await removeDir(dir);
  });

  async function addUser(storage: CentralStorage, id: string, username: string, displayName: string): Promise<void> {
    await storage.write((tx) => sql`insert into users (id, username, display_name, email, version, created_at, updated_at, seq) values (${id}, ${username}, ${displayName}, ${`${username}@example.org`}, 1, 0, 0, 0)`.execute(tx.db));
  }
  const names = async (storage: CentralStorage, search: string) =>
    (await searchUsers(storage.db, { search, limit: 50, offset: 0 }, 'sqlite')).users.map((u) => u.username).sort();

  it('indexes the users a database already held when it is upgraded, and every user added after', async () => {
    // A database from before migration 3: the index, its triggers and its migration row removed.
    const old = await openCentralStorage(url);
    await addUser(old, 'u1', 'ada.lovelace', 'Ada Lovelace');
    await old.write(async (tx) => {
      for (const trigger of ['users_search_insert', 'users_search_delete', 'users_search_update']) await sql.raw(`drop trigger ${trigger}`).execute(tx.db);
      await sql`drop table users_search`.execute(tx.db);
      await sql`delete from schema_migrations where version = 3`.execute(tx.db);
    });
    await addUser(old, 'u2', 'charles.babbage', 'Charles Babbage');
    await old.close();

    const upgraded = await openCentralStorage(url);
    try {
      expect(await names(upgraded, 'LOVELA')).toEqual(['ada.lovelace']);
      expect(await names(upgraded, 'babbage')).toEqual(['charles.babbage']);
      await addUser(upgraded, 'u3', 'ada.byron', 'Ada Byron');
      expect(await names(upgraded, 'ada.')).toEqual(['ada.byron', 'ada.lovelace']);
      // The plain scan (short searches) and the index give the same users.
      expect(await names(upgraded, 'ad')).toEqual(['ada.byron', 'ada.lovelace']);
    } finally {
      await upgraded.close();
    }
  });
});
