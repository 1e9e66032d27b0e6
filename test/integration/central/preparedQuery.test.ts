import { sql } from 'kysely';
import type { CentralDb, CentralStorage } from '../../../src/central/storage/centralStorage.js';
import { openCentralStorage } from '../../../src/central/storage/openCentralStorage.js';
import { preparedQuery } from '../../../src/central/storage/preparedQuery.js';
import { backendDatabases, CENTRAL_BACKENDS, type BackendDatabases } from '../../support/centralBackends.js';
import { removeDir, tempDir } from '../../support/centralProcess.js';

// Module-level, as in the services: one prepared query serves both backends of this file in turn,
// so SQLite's `?` statement reaching PostgreSQL (or $1 reaching SQLite) would fail the second suite.
const builds: string[] = [];
const auditRows = preparedQuery((db: CentralDb, kind: string, username: string | null, limit: number) => {
  builds.push('auditRows');
  return db.selectFrom('audit').select(['id', 'username']).where('kind', '=', kind).where((eb) => eb.or([eb('username', '=', username), eb('actor', '=', username)])).orderBy('id').limit(limit);
});
const insertAudit = preparedQuery((db: CentralDb, id: string, kind: string, username: string | null) =>
  db.insertInto('audit').values({ id, at: 1, kind, outcome: 'success', user_id: null, username, kiosk_id: null, actor: 'prepared-test', code: null, details: '{}' }),
);
const upperConstant = preparedQuery((db: CentralDb, id: string) => db.selectFrom('audit').select(sql<string>`upper(${'constant'})`.as('c')).where('id', '=', id));
const transformed = preparedQuery((db: CentralDb, username: string) => db.selectFrom('audit').selectAll().where('username', '=', username.toLowerCase()));

describe.each(CENTRAL_BACKENDS)('preparedQuery on %s', (backend) => {
  let dir: string;
  let dbs: BackendDatabases;
  let storage: CentralStorage;

  beforeAll(async () => {
    dir = await tempDir('bk-prepared-');
    dbs = await backendDatabases(backend, dir);
    storage = await openCentralStorage(await dbs.fresh('prepared'));
  });

  afterAll(async () => {
    await storage?.close();
    dbs?.stop();
    if (dir) await removeDir(dir);
  });

  it('builds once per dialect and runs with each call\'s values, in and outside a transaction; undefined is bound as null', async () => {
    const before = builds.length;
    await storage.write(async (tx) => {
      await insertAudit(tx.db, `${backend}-1`, 'prepared.a', 'ada');
      await insertAudit(tx.db, `${backend}-2`, 'prepared.a', 'bob');
      await insertAudit(tx.db, `${backend}-3`, 'prepared.b', 'ada');
      await insertAudit(tx.db, `${backend}-4`, 'prepared.a', undefined as unknown as null);
      expect(await auditRows(tx.db, 'prepared.a', 'ada', 10)).toEqual([{ id: `${backend}-1`, username: 'ada' }]);
    });
    expect(await auditRows(storage.db, 'prepared.a', 'bob', 10)).toEqual([{ id: `${backend}-2`, username: 'bob' }]);
    expect(await auditRows(storage.db, 'prepared.b', 'ada', 10)).toEqual([{ id: `${backend}-3`, username: 'ada' }]);
    // The same argument twice (username and actor), and the limit as a value of its own.
    expect(await auditRows(storage.db, 'prepared.a', 'prepared-test', 2)).toEqual([
      { id: `${backend}-1`, username: 'ada' },
      { id: `${backend}-2`, username: 'bob' },
    ]);
    const missing = await storage.db.selectFrom('audit').select('username').where('id', '=', `${backend}-4`).executeTakeFirstOrThrow();
    expect(missing.username).toBeNull();
    expect(builds.length - before).toBe(1);
    expect(await upperConstant(storage.db, `${backend}-1`)).toEqual([{ c: 'CONSTANT' }]);
  });

  it('refuses, naming the argument, a build that changes an argument instead of binding it', async () => {
    await expect(transformed(storage.db, 'Ada')).rejects.toThrow(/^preparedQuery: argument 0 does not reach the query as a bound value: select /);
  });
});
