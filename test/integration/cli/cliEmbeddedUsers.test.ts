import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCentralStorage } from '../../../src/central/storage/openCentralStorage.js';
import { DEMO_USERS } from '../../../src/host/demoUsers.js';
import { kioskPaths } from '../../../src/store/index.js';
import { CliRunner } from '../../support/cliProcess.js';
import { openHostKiosk, type HostKiosk } from '../../support/hostKiosk.js';

const ada = DEMO_USERS.find((u) => u.username === 'ada')!;

/**
 * The CLI (the real bin, another process) managing the users of a kiosk that `badgekiosk start`
 * enrolled with its embedded central store; the kiosk is a real runtime in this process, with the
 * embedded central store on SQLite in the same data directory.
 */
describe('users and config commands on a kiosk enrolled with its embedded central store', { timeout: 120_000 }, () => {
  let dataDir: string;
  let kiosk: HostKiosk | undefined;
  let cli: CliRunner;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'badgekiosk-cli-embedded-'));
    cli = new CliRunner(dataDir);
  });
  afterAll(async () => {
    await kiosk?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const replicaUser = (username: string) => kiosk!.runtime.store.uow.repos.users.findByUsername(username);
  async function until(what: string, probe: () => boolean): Promise<void> {
    for (let i = 0; i < 400 && !probe(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect({ what, reached: probe() }).toEqual({ what, reached: true });
  }

  it('while the kiosk runs: an added user and a disabled one reach its copy by sync within seconds', async () => {
    kiosk = await openHostKiosk({ centralMode: 'embedded', dataDir, keepDataDir: true });
    await kiosk.runtime.linked;
    const added = await cli.run(['users', 'add', '--username', 'zed', '--name', 'Zed, Jr.', '--primary-card', '5550001', '--pin', '482913']);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toContain('Added user zed with a PIN.');
    await until('zed in the kiosk copy', () => replicaUser('zed')?.primaryCard === '5550001');
    expect(replicaUser('zed')?.displayName).toBe('Zed, Jr.');
    expect((await kiosk.call('presentCard', { cardNumber: '5550001' })).value?.phase).toBe('enter-pin');
    expect((await kiosk.call('submitPin', { pin: '482913' })).value?.phase).toBe('signed-in');
    await kiosk.call('logout');

    const csv = 'username,name,email,primary_card,secondary_card,pin\nyan,Yan,,5550002,,\nxia,Xia,,5550003,7009,\n';
    expect(await cli.run(['users', 'import', '-'], { input: csv })).toMatchObject({ code: 0, stdout: expect.stringContaining('Imported 2 users') });
    await until('yan and xia in the kiosk copy', () => replicaUser('yan')?.primaryCard === '5550002' && replicaUser('xia')?.secondaryCard === '7009');

    expect(await cli.run(['users', 'disable', ada.username])).toMatchObject({ code: 0, stdout: expect.stringContaining('Disabled ada') });
    await until('ada disabled in the kiosk copy', () => replicaUser('ada')?.disabled === true);
    const limit = await cli.run(['config', 'set', 'user.can-change-card-id.num-times-per-day', '5']);
    expect(limit).toMatchObject({ code: 0, stdout: expect.stringContaining('The configuration of this kiosk lives in the central store') });
    await until('the daily limit in the kiosk copy', () => kiosk!.runtime.store.configValues()['user.can-change-card-id.num-times-per-day'] === 5);
    expect(await cli.run(['technician', 'pin', 'set'], { input: '2580\n' })).toMatchObject({ code: 0, stdout: expect.stringContaining('Technician PIN set.') });
    await until('the technician PIN hash in the kiosk copy', () => kiosk!.runtime.store.configValues()['technician.pin-hash'] !== '');
    // Checked by the same registry rules, against the central store's configuration.
    const refused = await cli.run(['config', 'set', 'pin.min-length', '13']);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('pin.min-length') });
    // A username or Card/ID number taken in the central store is refused there, and nothing is written.
    const taken = await cli.run(['users', 'add', '--username', 'zed2', '--primary-card', ada.primaryCard]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toBe('User not added: the primary Card/ID number is already held by user ada\n');
  });

  it('while the kiosk is stopped: the change waits in the central store and arrives at the next start', async () => {
    await kiosk!.close();
    kiosk = undefined;
    expect(await cli.run(['users', 'enable', ada.username])).toMatchObject({ code: 0, stdout: expect.stringContaining('Enabled ada') });
    expect(await cli.run(['users', 'delete', 'zed'])).toMatchObject({ code: 0, stdout: expect.stringContaining('5550001 free again') });
    expect(await cli.run(['users', 'unlock', 'nobody'])).toMatchObject({ code: 1, stderr: 'No user "nobody".\n' });

    kiosk = await openHostKiosk({ centralMode: 'embedded', dataDir, keepDataDir: true });
    await kiosk.runtime.linked;
    await until('ada enabled and zed gone from the kiosk copy', () => replicaUser('ada')?.disabled === false && replicaUser('zed') === undefined);

    const central = await openCentralStorage(`sqlite:${kioskPaths(dataDir).embeddedCentralDb}`);
    try {
      const audit = await central.db.selectFrom('audit').select(['kind', 'actor', 'username']).where('actor', '=', 'cli').orderBy('n').execute();
      expect(audit.map((a) => [a.kind, a.username])).toEqual([
        ['user.add', 'zed'], ['user.import', null], ['user.update', 'ada'], ['config.set', null], ['technician.change', null], ['user.update', 'ada'], ['user.delete', 'zed'],
      ]);
    } finally {
      await central.close();
    }
  });
});
