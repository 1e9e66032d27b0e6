import { addPendingUsers, beginImport, publishImport, settleImport } from '../../../src/central/services/pendingImport.js';
import type { CentralStorage } from '../../../src/central/storage/centralStorage.js';
import { openCentralStorage } from '../../../src/central/storage/openCentralStorage.js';
import { cryptoRandomSource } from '../../../src/platform/index.js';
import { backendDatabases, CENTRAL_BACKENDS, type BackendDatabases } from '../../support/centralBackends.js';
import { removeDir, runCli, tempDir, type AdminSession, type CentralProcess } from '../../support/centralProcess.js';
import { startDirectoryCentral, syncAsAdmin } from '../../support/directoryCentral.js';
import { startTestSlapd, type TestSlapd } from '../../support/directorySlapd.js';

const IMPORT_ID = 'import-holding-hedy';
/** What the running import writes: hedy as the directory spells her, Grace in another case, and ivan whom the directory does not list. */
const IMPORTED = [
  { username: 'hedy', displayName: 'Hedy (import)', primaryCard: '86000001' },
  { username: 'Grace', displayName: 'Grace (import)', primaryCard: null },
  { username: 'ivan', displayName: 'Ivan (import)', primaryCard: null },
];

/**
 * A directory sync while a user import is still publishing (issue 14 / issue 11 follow-up), on a real
 * central process with a real slapd: the usernames the import holds are skipped and reported, the
 * others synced (before, the sync's insert hit the unique index and the whole sync failed); after
 * the import publishes, the next sync adopts the imported user instead of creating one again.
 */
describe.each(CENTRAL_BACKENDS)('directory sync while an import is pending on %s', (backend) => {
  let dir: string;
  let dbs: BackendDatabases;
  let db: string;
  let passwordFile: string;
  let slapd: TestSlapd;
  let central: CentralProcess;
  let admin: AdminSession;
  let storage: CentralStorage;
  const users = async (search: string) => (await admin.call('GET', `/api/v1/admin/users?search=${search}`)).body.users as { username: string; displayName: string; primaryCard: string | null; disabled: boolean }[];
  const sync = () => syncAsAdmin(admin);

  beforeAll(async () => {
    dir = await tempDir('bk-dirsync-pending-');
    dbs = await backendDatabases(backend, dir);
    db = await dbs.fresh('dirsyncpending');
    slapd = await startTestSlapd([
      { uid: 'ada', cn: 'Ada Lovelace', password: 'ada-pass', employeeNumber: '111111' },
      { uid: 'grace', cn: 'Grace Hopper', password: 'grace-pass' },
      { uid: 'hedy', cn: 'Hedy Lamarr', password: 'hedy-pass', mail: 'hedy@example.org', employeeNumber: '86000002' },
    ]);
    ({ central, admin, passwordFile } = await startDirectoryCentral(dir, db, slapd));
    storage = await openCentralStorage(db);
    const now = Date.now();
    await beginImport(storage, IMPORT_ID, IMPORTED.length, now);
    const rows = IMPORTED.map((u) => ({ ...u, id: cryptoRandomSource.uuid(), email: '', secondaryCard: null, pinHash: null }));
    expect(await addPendingUsers(storage, IMPORT_ID, rows, 0, now)).toEqual([]);
  });
  afterAll(async () => {
    await storage?.close();
    await central?.stop();
    await slapd?.stop();
    dbs?.stop();
    await removeDir(dir);
  });

  it('skips and reports the usernames the import holds, syncs everyone else, and disables none of the import', async () => {
    const report = await sync();
    expect(report.counts).toMatchObject({ created: 1, adopted: 0, usernameConflicts: 0, beingImported: 2, disabled: 0 });
    expect(report.created.map((c: { username: string }) => c.username)).toEqual(['ada']);
    expect([...report.beingImported].sort((a, b) => a.username.localeCompare(b.username))).toEqual([{ username: 'grace' }, { username: 'hedy' }]);
    const audit = await admin.call('GET', '/api/v1/admin/audit?kind=directory.sync');
    expect(audit.body.events[0]).toMatchObject({ actor: 'admin', details: { created: 1, beingImported: 2, peopleRead: 3 } });
    expect(await users('ada')).toMatchObject([{ primaryCard: '111111', disabled: false }]);
    const dry = await runCli(['--data-dir', dir, 'central', 'directory', 'sync', '--dry-run', '--db', db, '--directory-bind-password-file', passwordFile]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('importing grace: a user import still running holds this username; not synced until it is published\n');
    expect(dry.stdout).toContain('importing hedy: a user import still running holds this username; not synced until it is published\n');
    expect(dry.stdout).toMatch(/Dry run, nothing changed: 3 directory entries; created 0, .*beingImported 2, disabled 0/);
    // Still the import's own, unseen, and left as it wrote them.
    expect(await users('hedy')).toEqual([]);
    const held = await storage.db.selectFrom('users').select(['username', 'display_name', 'disabled']).where('import_id', '=', IMPORT_ID).orderBy('username').execute();
    expect(held.map((row) => [row.username, row.display_name, Number(row.disabled)])).toEqual([['Grace', 'Grace (import)', 0], ['hedy', 'Hedy (import)', 0], ['ivan', 'Ivan (import)', 0]]);
  });

  it('after the import publishes, the next sync adopts the imported user (created once) and leaves the import-only user alone', async () => {
    await storage.write((tx) => publishImport(tx, IMPORT_ID));
    await settleImport(storage, IMPORT_ID, IMPORTED.length);
    const report = await sync();
    // grace now meets Grace, a user whose name differs only in case: the usual conflict, not a second user.
    expect(report.counts).toMatchObject({ created: 0, adopted: 1, updated: 1, cardsSet: 1, usernameConflicts: 1, beingImported: 0, disabled: 0 });
    expect(report.usernameConflicts).toEqual([{ username: 'grace', clashesWith: 'Grace' }]);
    expect(await users('hedy')).toMatchObject([{ username: 'hedy', displayName: 'Hedy Lamarr', primaryCard: '86000002', disabled: false }]);
    expect(await users('ivan')).toMatchObject([{ username: 'ivan', displayName: 'Ivan (import)', disabled: false }]);
    const managed = await storage.db.selectFrom('directory_users').innerJoin('users', 'users.id', 'directory_users.user_id').select('users.username').orderBy('users.username').execute();
    expect(managed.map((row) => row.username)).toEqual(['ada', 'hedy']);
    expect((await sync()).counts).toMatchObject({ created: 0, adopted: 0, updated: 0, cardsSet: 0, beingImported: 0, disabled: 0, unchanged: 2 });
  });
});
