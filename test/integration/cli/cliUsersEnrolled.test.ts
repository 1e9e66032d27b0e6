import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CliRunner } from '../../support/cliProcess.js';
import { adminLogin, createAdminWithCli, removeDir, startCentralProcess, tempDir, type CentralProcess } from '../../support/centralProcess.js';

const CSV = 'username,name,email,primary_card,secondary_card\nyann,,,8880002,\n';

describe('user-changing commands on a kiosk enrolled with a central store (a real central process)', { timeout: 120_000 }, () => {
  let dir: string;
  let central: CentralProcess;
  let cli: CliRunner;

  beforeAll(async () => {
    dir = await tempDir('bk-cli-enrolled-');
    const db = `sqlite:${path.join(dir, 'central.sqlite')}`;
    await createAdminWithCli(dir, db);
    central = await startCentralProcess({ dataDir: dir, db });
    const admin = await adminLogin(central.url);
    expect((await admin.call('POST', '/api/v1/admin/users', { username: 'zoe', primaryCard: '8880001' })).status).toBe(201);
    const code = (await admin.call('POST', '/api/v1/admin/kiosks', { name: 'Front desk' })).body.enrollmentCode as string;
    cli = new CliRunner(path.join(dir, 'kiosk'));
    expect(await cli.run(['kiosk', 'enroll', '--central', central.url, '--code', code])).toMatchObject({ code: 0 });
  });
  afterAll(async () => {
    await central?.stop();
    if (dir) await removeDir(dir);
  });

  it('users add, import (file or -), unlock, disable, enable, pin-reset, delete, pin set/change and card regenerate/set refuse with exit 1, naming the central store, and change nothing', async () => {
    const file = path.join(dir, 'users.csv');
    await writeFile(file, CSV);
    const before = { users: (await cli.run(['users', 'list', '--json'])).stdout, audit: (await cli.run(['audit', '--json'])).stdout };
    expect(JSON.parse(before.users)).toEqual([expect.objectContaining({ username: 'zoe', primaryCard: '8880001', disabled: false })]);

    const attempts: [string[], string?][] = [
      [['users', 'add', '--username', 'xavier', '--primary-card', '8880003']],
      [['users', 'import', file]],
      [['users', 'import', '-'], CSV],
      ...['unlock', 'disable', 'enable', 'pin-reset', 'delete'].map((action): [string[]] => [['users', action, 'zoe']]),
    ];
    for (const [args, input] of attempts) {
      const refused = await cli.run(args, input === undefined ? {} : { input });
      expect({ args, ...refused }).toEqual({
        args, code: 1, stdout: '',
        stderr: `Users are managed in the central store at ${central.url}: this kiosk is enrolled with it (as "Front desk") and keeps a copy of its users. Nothing was changed.\n`,
      });
    }
    for (const [args, input] of [[['config', 'set', 'pin.min-length', '6']], [['technician', 'pin', 'set'], '2580\n'], [['technician', 'pin', 'clear']]] as [string[], string?][]) {
      expect({ args, ...(await cli.run(args, input === undefined ? {} : { input })) }).toEqual({
        args, code: 1, stdout: '',
        stderr: `Configuration is managed in the central store at ${central.url}: this kiosk is enrolled with it (as "Front desk") and keeps a copy of its configuration. Nothing was changed.\n`,
      });
    }
    // Without the kiosk's outbox these would change the replica only, and the central store would never know.
    const selfService = [
      ['pin', 'set', '--card', '8880001', '--new-pin', '482913'],
      ['pin', 'change', '--card', '8880001', '--pin', '482913', '--new-pin', '573024'],
      ['card', 'regenerate', '--card', '8880001', '--pin', '482913'],
      ['card', 'set', '--card', '8880001', '--pin', '482913', '--new-card', '8880009'],
    ];
    for (const args of selfService) {
      expect({ args, ...(await cli.run(args)) }).toEqual({
        args, code: 1, stdout: '',
        stderr:
          `PINs and Card/ID numbers are kept by the central store at ${central.url} (this kiosk is enrolled with it as "Front desk"): ` +
          "change them at the kiosk's screen, where the change reaches the central store; an administrator can clear a PIN in the central store. Nothing was changed.\n",
      });
    }
    expect((await cli.run(['users', 'list', '--json'])).stdout).toBe(before.users);
    expect((await cli.run(['audit', '--json'])).stdout).toBe(before.audit);
  });

  it('reading commands still work on the replica', async () => {
    expect(await cli.run(['users', 'show', 'zoe'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/8880001/) });
  });
});
