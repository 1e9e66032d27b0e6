import path from 'node:path';
import { removeDir, runCli, tempDir, type AdminSession, type CentralProcess } from '../../support/centralProcess.js';
import { startDirectoryCentral, syncAsAdmin } from '../../support/directoryCentral.js';
import { SLAPD_PEOPLE, startTestSlapd, type TestSlapd } from '../../support/directorySlapd.js';
import { userSignIn } from '../../support/userWebClient.js';

/**
 * Directory sync against a real slapd and a real central store process: the CLI (dry run, and
 * `directory test`) and the admin route (applied) on the same SQLite file.
 */
describe('directory sync and directory test', () => {
  let dir: string;
  let db: string;
  let passwordFile: string;
  let slapd: TestSlapd;
  let central: CentralProcess;
  let admin: AdminSession;
  const cli = (args: string[], input?: string) =>
    runCli(['--data-dir', dir, 'central', 'directory', ...args, '--db', db, '--directory-bind-password-file', passwordFile], input === undefined ? {} : { input });
  const user = async (username: string) => (await admin.call('GET', `/api/v1/admin/users?search=${username}`)).body.users.find((u: { username: string }) => u.username === username);
  const sync = () => syncAsAdmin(admin);

  beforeAll(async () => {
    dir = await tempDir('bk-dirsync-');
    db = `sqlite:${path.join(dir, 'central.sqlite')}`;
    slapd = await startTestSlapd([
      { uid: 'ada', cn: 'Ada Lovelace', password: 'ada-pass', mail: 'ada@example.org', employeeNumber: '111111' },
      { uid: 'bob', cn: 'Bob Builder', password: 'bob-pass', mail: 'bob@example.org', employeeNumber: '222222' },
      { uid: 'carol', cn: 'Carol Shaw', password: 'carol-pass', employeeNumber: '333333' },
      { uid: 'dave', cn: 'Dave Cutler', password: 'dave-pass', employeeNumber: '444444' },
    ]);
    ({ central, admin, passwordFile } = await startDirectoryCentral(dir, db, slapd));
    expect((await admin.call('POST', '/api/v1/admin/users', { username: 'zed', displayName: 'Zed Local', primaryCard: '444444' })).status).toBe(201);
    expect((await admin.call('POST', '/api/v1/admin/users', { username: 'bob', displayName: 'Bob Old' })).status).toBe(201);
  });
  afterAll(async () => {
    await central?.stop();
    await slapd?.stop();
    await removeDir(dir);
  });

  it('a dry run shows new, changed and conflicting users and changes nothing', async () => {
    const run = await cli(['sync', '--dry-run']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('read 4 directory entries');
    expect(run.stdout).toContain('new       ada (Ada Lovelace) card 111111');
    expect(run.stdout).toContain('new       carol (Carol Shaw) card 333333');
    expect(run.stdout).toContain('new       dave (Dave Cutler)\n');
    expect(run.stdout).toContain('changed   bob: name "Bob Builder"');
    expect(run.stdout).toContain('card      bob → 222222');
    expect(run.stdout).toContain('conflict  dave: Card/ID number 444444 already held by zed; not assigned');
    expect(run.stdout).toContain('Dry run, nothing changed: 4 directory entries; created 3, updated 1, adopted 1, cardsSet 1');
    expect(await user('ada')).toBeUndefined();
    expect((await user('bob')).displayName).toBe('Bob Old');
  });

  it('applies the difference in one transaction with one directory.sync audit row; conflicts are reported, never reassigned', async () => {
    const report = await sync();
    expect(report.counts).toMatchObject({ created: 3, updated: 1, adopted: 1, cardsSet: 1, cardConflicts: 1, disabled: 0 });
    expect(report.cardConflicts).toEqual([{ username: 'dave', cardNumber: '444444', reason: 'already held by zed' }]);
    expect(await user('ada')).toMatchObject({ displayName: 'Ada Lovelace', email: 'ada@example.org', primaryCard: '111111' });
    expect(await user('bob')).toMatchObject({ displayName: 'Bob Builder', primaryCard: '222222' });
    expect(await user('dave')).toMatchObject({ primaryCard: null });
    expect(await user('zed')).toMatchObject({ primaryCard: '444444', disabled: false });
    const audit = await admin.call('GET', '/api/v1/admin/audit?kind=directory.sync');
    expect(audit.body.events).toHaveLength(1);
    expect(audit.body.events[0]).toMatchObject({ actor: 'admin', details: { created: 3, updated: 1, cardConflicts: 1, peopleRead: 4 } });
  });

  it('follows later changes: a removed person is disabled (not deleted), a self-service number is kept, a returning person is enabled', async () => {
    const { session } = await userSignIn(central.url, { method: 'directory', username: 'ada', password: 'ada-pass' });
    const changed = await session!.call('POST', '/api/v1/user/card', { manualNumber: null });
    expect(changed.status).toBe(200);
    slapd.modifyPerson('ada', { employeeNumber: '666666', cn: 'Ada King' });
    slapd.modifyPerson('bob', { employeeNumber: '555555' });
    slapd.deletePerson('carol');
    const report = await sync();
    expect(report.counts).toMatchObject({ created: 0, updated: 1, cardsSet: 1, keptSelfService: 1, disabled: 1 });
    expect(await user('ada')).toMatchObject({ displayName: 'Ada King', primaryCard: changed.body.cardNumber });
    expect(await user('bob')).toMatchObject({ primaryCard: '555555' });
    expect(await user('carol')).toMatchObject({ disabled: true, primaryCard: '333333' });
    expect(await user('zed')).toMatchObject({ disabled: false });
    slapd.addPeople([{ uid: 'carol', cn: 'Carol Shaw', password: 'carol-pass', employeeNumber: '333333' }]);
    expect((await sync()).counts).toMatchObject({ enabled: 1, disabled: 0 });
    expect(await user('carol')).toMatchObject({ disabled: false });
  });

  it('`directory test` says found / not found, bind ok / refused, and which attributes were read', async () => {
    const good = await cli(['test', '--username', 'bob'], 'bob-pass\n');
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toContain(`found: uid=bob,${SLAPD_PEOPLE}`);
    expect(good.stdout).toContain('attributes read: uid, cn, mail, employeeNumber');
    expect(good.stdout).toContain('bind ok');
    const wrong = await cli(['test', '--username', 'bob'], 'nope\n');
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('bind refused: Wrong username or password.');
    const missing = await cli(['test', '--username', '*)(uid=*'], 'x\n');
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('not found: no directory entry matches *)(uid=*');
  });

  it('names the problem when the directory is down', async () => {
    await slapd.pause();
    try {
      const run = await cli(['sync', '--dry-run']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`The directory at ${slapd.url} cannot be reached (ECONNREFUSED)`);
    } finally {
      await slapd.resume();
    }
  });
});
