import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CliRunner } from '../../support/cliProcess.js';
import { openHostKiosk } from '../../support/hostKiosk.js';

interface AuditJson {
  readonly at: number;
  readonly kind: string;
  readonly username: string | null;
  readonly details: Record<string, unknown>;
}

/**
 * Issue 15, items 11 and 12: a data directory `npm start` made (a kiosk enrolled with the central
 * store embedded in it; a real runtime, stopped before the CLI runs), then the real bin. Its writes
 * go to the embedded central store, which the stopped kiosk has not pulled: reads must show them.
 */
describe('CLI reads of a data directory with the embedded central store, the kiosk stopped', { timeout: 120_000 }, () => {
  let dataDir: string;
  let cli: CliRunner;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'badgekiosk-cli-reads-'));
    cli = new CliRunner(dataDir);
    const kiosk = await openHostKiosk({ centralMode: 'embedded', dataDir, keepDataDir: true });
    await kiosk.runtime.linked;
    // A sign-in at the kiosk by typed ID, so the kiosk's own audit has an event to merge with.
    await kiosk.call('beginTypedId', { idNumber: '7001' });
    expect((await kiosk.call('submitPin', { pin: '2580' })).value?.phase).toBe('signed-in');
    await kiosk.call('logout');
    await kiosk.close();
  });
  afterAll(() => {
    expect(cli.outputs.join('\n')).not.toContain('$argon2');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('users show and users list show a user the CLI just added', async () => {
    expect(await cli.run(['users', 'add', '--username', 'dave', '--name', 'Dave D', '--primary-card', '5550101'])).toMatchObject({ code: 0 });
    const shown = await cli.run(['users', 'show', 'dave']);
    expect(shown).toMatchObject({ code: 0, stderr: '' });
    expect(shown.stdout).toMatch(/Primary Card\/ID number: +5550101/);
    expect((await cli.run(['users', 'list'])).stdout).toMatch(/^dave\tDave D\t\t5550101\t/m);
    const found = await cli.json<{ username: string }[]>(['users', 'list', '--json', '--search', 'Dave']);
    expect(found.map((u) => u.username)).toEqual(['dave']);
    // The check before adding sees dave too, in the CLI's own words.
    expect(await cli.run(['users', 'add', '--username', 'dave', '--primary-card', '5550102'])).toMatchObject({ code: 1, stderr: 'User not added: username dave already exists\n' });
    expect(await cli.run(['users', 'disable', 'dave'])).toMatchObject({ code: 0 });
    expect((await cli.run(['users', 'show', 'dave'])).stdout).toMatch(/Status: +disabled/);
  });

  it('config get and config list show a value the CLI just set, and later checks use it', async () => {
    expect(await cli.run(['config', 'set', 'user.can-change-card-id.num-times-per-day', '5'])).toMatchObject({ code: 0 });
    expect(await cli.run(['config', 'get', 'user.can-change-card-id.num-times-per-day'])).toMatchObject({ code: 0, stdout: '5\n' });
    expect((await cli.run(['config', 'list'])).stdout).toMatch(/^user\.can-change-card-id\.num-times-per-day +5 \*$/m);
    const rows = await cli.json<{ name: string; value: unknown }[]>(['config', 'list', '--json']);
    expect(rows.find((r) => r.name === 'user.can-change-card-id.num-times-per-day')?.value).toBe(5);

    // The PIN policy of a new user and of the technician PIN is the one just set.
    expect(await cli.run(['config', 'set', 'pin.min-length', '6'])).toMatchObject({ code: 0 });
    const short = await cli.run(['users', 'add', '--username', 'erin', '--primary-card', '5550103', '--pin', '4826']);
    expect(short).toMatchObject({ code: 1, stderr: 'User not added: PIN refused: A PIN must have 6 to 8 digits.\n' });
    const technician = await cli.run(['technician', 'pin', 'set'], { input: '4826\n' });
    expect(technician).toMatchObject({ code: 1, stderr: 'The technician PIN is not allowed: A PIN must have 6 to 8 digits.\n' });
  });

  it("audit shows the CLI's own changes and the kiosk's events, merged newest first, typed IDs masked", async () => {
    const events = await cli.json<AuditJson[]>(['audit', '--json']);
    const cliChanges = events.filter((e) => e.details.by === 'cli').map((e) => [e.kind, e.username, e.details.key ?? null]);
    expect(cliChanges).toEqual([
      ['config.set', null, 'pin.min-length'],
      ['config.set', null, 'user.can-change-card-id.num-times-per-day'],
      ['user.update', 'dave', null],
      ['user.add', 'dave', null],
    ]);
    const signIn = events.find((e) => e.kind === 'auth.id' && e.username === 'ada');
    expect(signIn?.details.card).toBe('…01');
    expect(events.map((e) => e.at)).toEqual([...events.map((e) => e.at)].sort((a, b) => b - a));
    expect(events.indexOf(signIn!)).toBeGreaterThan(events.findIndex((e) => e.kind === 'user.add'));

    expect((await cli.json<AuditJson[]>(['audit', '--json', '--user', 'dave'])).map((e) => e.kind)).toEqual(['user.update', 'user.add']);
    expect((await cli.json<AuditJson[]>(['audit', '--json', '--limit', '2'])).map((e) => e.details.key)).toEqual(['pin.min-length', 'user.can-change-card-id.num-times-per-day']);
    const text = await cli.run(['audit', '--limit', '1']);
    expect(text.stdout.split('\n')[1]).toMatch(/\tconfig\.set\tsuccess\t-\t-\t-\tkey=pin\.min-length value=6 previous=4 by=cli$/);
  });
});
