import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { useCliFixture } from '../../support/cliProcess.js';
import { freePort } from '../../support/freePort.js';
import { startPrintRig, type PrintRig } from '../../support/printRig.js';

// `badgekiosk print …` on a standalone data directory against a real private cupsd.
const ADA_PIN = '58203917';
const BOB_PIN = '27461935';
const WRONG_PIN = '80516294';
const PRINT_PASSWORD = 'cups-Secret-4711';

interface AuditJson {
  kind: string;
  outcome: string;
  username: string | null;
  details: Record<string, unknown>;
}

describe('badgekiosk print (standalone kiosk)', { timeout: 120_000 }, () => {
  const fx = useCliFixture({ secrets: [ADA_PIN, BOB_PIN, WRONG_PIN, PRINT_PASSWORD] });
  let rig: PrintRig;
  const audit = async (kind: string) => (await fx.cli.json<AuditJson[]>(['audit', '--json', '--limit', '500'])).filter((e) => e.kind === kind);

  beforeAll(async () => {
    rig = await startPrintRig({ logEveryRequest: true });
    for (const args of [
      ['--username', 'ada', '--primary-card', '1001', '--pin', ADA_PIN],
      ['--username', 'bob', '--primary-card', '1002', '--pin', BOB_PIN],
    ]) {
      expect((await fx.cli.run(['users', 'add', ...args])).code).toBe(0);
    }
  });
  afterAll(async () => {
    await rig?.stop();
  });

  it('without a print server, print jobs says so in one line with the command that sets one up', async () => {
    const result = await fx.cli.run(['print', 'jobs', '--card', '1001', '--pin', ADA_PIN]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('No print server is configured for this kiosk. Set one up with: badgekiosk print server add NAME --url ipp://HOST[:PORT] --follow-me QUEUE\n');
  });

  it('adds a print server with credentials kept in a 0600 secret file, never in the store, the listing or the audit', async () => {
    const passwordFile = path.join(fx.dir, 'password');
    writeFileSync(passwordFile, `${PRINT_PASSWORD}\n`);
    const added = await fx.cli.run(['print', 'server', 'add', 'secured', '--url', 'ipps://print.example:443', '--username', 'kiosk', '--password-file', passwordFile]);
    expect(added).toMatchObject({ code: 0 });
    const secret = path.join(fx.cli.dataDir, 'secrets', 'print-server-secured.json');
    expect(statSync(secret).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(secret, 'utf8'))).toEqual({ username: 'kiosk', password: PRINT_PASSWORD });
    const listed = await fx.cli.json<{ servers: unknown[] }>(['print', 'server', 'list', '--json']);
    expect(listed.servers).toEqual([{ name: 'secured', url: 'ipps://print.example:443', followMeQueues: [], hasCredentials: true }]);
    for (const file of readdirSync(fx.cli.dataDir).filter((f) => f.startsWith('kiosk.sqlite'))) {
      expect(readFileSync(path.join(fx.cli.dataDir, file)).includes(PRINT_PASSWORD)).toBe(false);
    }
    expect(await audit('print.server')).toEqual([
      expect.objectContaining({ outcome: 'success', details: expect.objectContaining({ action: 'add', server: 'secured', credentials: true, by: 'cli' }) }),
    ]);
    expect((await fx.cli.run(['print', 'server', 'remove', 'secured'])).code).toBe(0);
    expect(() => statSync(secret)).toThrow(/ENOENT/);
  });

  it('refuses bad setup with exit 2 naming what was wrong, and an unknown server with exit 1', async () => {
    expect(await fx.cli.run(['print', 'server', 'add', 'bad name', '--url', rig.cups.url])).toMatchObject({ code: 2, stderr: expect.stringContaining('Print server name "bad name"') });
    expect(await fx.cli.run(['print', 'server', 'add', 'main', '--url', 'http://127.0.0.1:631'])).toMatchObject({ code: 2, stderr: expect.stringContaining('must be ipp://HOST[:PORT]') });
    expect(await fx.cli.run(['kiosk', 'printer', 'set', 'lobby'])).toMatchObject({ code: 2, stderr: expect.stringContaining('must be SERVER/QUEUE') });
    expect(await fx.cli.run(['kiosk', 'printer', 'set', 'nowhere/lobby'])).toMatchObject({ code: 1, stderr: expect.stringContaining('No print server "nowhere"') });
  });

  it('sets up the test cupsd and the release printer; the server holding it cannot be removed', async () => {
    expect((await fx.cli.run(['print', 'server', 'add', 'main', '--url', rig.cups.url, '--follow-me', 'followme'])).code).toBe(0);
    expect((await fx.cli.run(['kiosk', 'printer', 'set', 'main/lobby'])).code).toBe(0);
    expect(await fx.cli.run(['print', 'server', 'remove', 'main'])).toMatchObject({ code: 1, stderr: expect.stringContaining('holds this kiosk\'s release printer main/lobby') });
    expect(await audit('print.printer')).toEqual([expect.objectContaining({ details: expect.objectContaining({ server: 'main', queue: 'lobby', by: 'cli' }) })]);
  });

  it('kiosk printer set asks the server for the queue: a missing one is refused naming server and queue (--no-check too), an unreachable server unless --no-check', async () => {
    const missing = await fx.cli.run(['kiosk', 'printer', 'set', 'main/lobbby']);
    expect(missing).toEqual({ code: 1, stdout: '', stderr: 'Print server main has no queue "lobbby" (its queues are annex, followme, lobby). Nothing was changed.\n' });
    expect(await fx.cli.run(['kiosk', 'printer', 'set', 'main/lobbby', '--no-check'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Print server main has no queue "lobbby" (its queues are annex, followme, lobby). Nothing was changed. --no-check applies only when the server cannot be reached.\n',
    });
    const offlinePort = await freePort();
    expect((await fx.cli.run(['print', 'server', 'add', 'offline', '--url', `ipp://127.0.0.1:${offlinePort}`])).code).toBe(0);
    const unreachable = await fx.cli.run(['kiosk', 'printer', 'set', 'offline/lobby']);
    expect(unreachable).toMatchObject({ code: 1, stdout: '' });
    expect(unreachable.stderr).toMatch(/^Cannot check queue "lobby": print server offline is unreachable \(.+\)\. Nothing was changed; give --no-check to set it without checking\.\n$/);
    expect((await fx.cli.json<{ releasePrinter: unknown }>(['print', 'server', 'list', '--json'])).releasePrinter).toEqual({ server: 'main', queue: 'lobby' });
    expect(await fx.cli.run(['kiosk', 'printer', 'set', 'offline/lobby', '--no-check'])).toMatchObject({
      code: 0,
      stdout: 'Release printer of this kiosk: offline/lobby.\n',
      stderr: expect.stringMatching(/^Print server offline is unreachable \(.+\): queue "lobby" was set without checking that it exists\.\n$/),
    });
    expect((await fx.cli.run(['kiosk', 'printer', 'set', 'main/lobby'])).code).toBe(0);
    expect((await fx.cli.run(['print', 'server', 'remove', 'offline'])).code).toBe(0);
    expect((await audit('print.printer')).map((e) => `${String(e.details['server'])}/${String(e.details['queue'])}`)).toEqual(['main/lobby', 'offline/lobby', 'main/lobby']);
  });

  it('print jobs --json lists the signed-in user\'s held jobs only', async () => {
    const mine = await rig.cups.submit({ queue: 'followme', user: 'CORP\\ada', title: 'cli: report', copies: 2 });
    await rig.cups.submit({ queue: 'followme', user: 'bob', title: 'cli: bob' });
    const listed = await fx.cli.json<{ jobs: Array<Record<string, unknown>> }>(['print', 'jobs', '--card', '1001', '--pin', ADA_PIN, '--json']);
    expect(listed.jobs).toEqual([
      { id: mine, title: 'cli: report', queue: 'followme', submitted: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), pages: null, copies: 2, sizeBytes: expect.any(Number) },
    ]);
  });

  it('print release sends the job to the kiosk\'s printer (its state read after the release), audited, exit 0; a foreign job is refused with exit 1 and nothing prints', async () => {
    const id = await rig.cups.submit({ queue: 'followme', user: 'ada', title: 'cli: release', body: 'CLI-RELEASE\n' });
    const bobs = await rig.cups.submit({ queue: 'followme', user: 'bob', title: 'cli: bob 2', body: 'CLI-BOB\n' });
    const printedBefore = rig.lobby.jobs().length;
    const answeredBefore = rig.cups.answeredOperations().length;
    const released = await fx.cli.run(['print', 'release', '--id', '1001', '--pin', ADA_PIN, '--job', String(id)]);
    expect(released).toMatchObject({ code: 0, stdout: `job ${id}: sent to lobby\n` });
    // cupsd answers one request at a time: the printer's state is read after the release, never ahead of it.
    expect(rig.cups.answeredOperations().slice(answeredBefore)).toEqual(['Get-Job-Attributes', 'CUPS-Move-Job', 'Release-Job', 'Get-Printer-Attributes']);
    await rig.lobby.waitForJobs(printedBefore + 1);
    expect(rig.lobby.receivedText()).toContain('CLI-RELEASE');
    const foreign = await fx.cli.run(['print', 'release', '--card', '1001', '--pin', ADA_PIN, '--job', String(bobs)]);
    expect(foreign).toMatchObject({ code: 1, stdout: `job ${bobs}: refused, no such held job of yours at this kiosk\n` });
    const unknown = await fx.cli.run(['print', 'release', '--card', '1001', '--pin', ADA_PIN, '--job', '987654']);
    expect(unknown.stdout.replace('987654', String(bobs))).toBe(foreign.stdout);
    expect(rig.lobby.receivedText()).not.toContain('CLI-BOB');
    expect(await audit('print.release')).toEqual([
      expect.objectContaining({ outcome: 'success', username: 'ada', details: expect.objectContaining({ jobId: id, server: 'main', queue: 'followme', printer: 'lobby', title: 'cli: release' }) }),
    ]);
  });

  it('a wrong PIN is refused before any job is touched and counts toward the lockout', async () => {
    const id = await rig.cups.submit({ queue: 'followme', user: 'ada', title: 'cli: wrong pin' });
    const result = await fx.cli.run(['print', 'delete', '--card', '1001', '--pin', WRONG_PIN, '--job', String(id)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PIN/);
    expect((await rig.target.server.job(id))?.state).toBe('pending-held');
    const failures = (await audit('auth.card')).filter((e) => e.outcome === 'failure');
    expect(failures.length).toBeGreaterThanOrEqual(1);
  });

  it('print delete --all cancels every held job of the user and prints nothing', async () => {
    await rig.cups.submit({ queue: 'followme', user: 'bob', title: 'cli: bob del', body: 'BOB-DEL\n' });
    await rig.cups.submit({ queue: 'lobby', user: 'bob', title: 'cli: bob del 2', body: 'BOB-DEL-2\n' });
    const printed = rig.printed();
    const result = await fx.cli.run(['print', 'delete', '--card', '1002', '--pin', BOB_PIN, '--all']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^(job \d+: deleted\n){4}$/);
    expect(await fx.cli.json<{ jobs: unknown[] }>(['print', 'jobs', '--card', '1002', '--pin', BOB_PIN, '--json'])).toEqual({ jobs: [] });
    expect(rig.printed()).toEqual(printed);
  });

  it('when the print server is down: "Printing is unavailable right now" naming the server, exit 1; signing in still works', async () => {
    await rig.cups.pause();
    try {
      const result = await fx.cli.run(['print', 'jobs', '--card', '1001', '--pin', ADA_PIN]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^Printing is unavailable right now\. \(print server main: Get-Jobs: .*ECONNREFUSED.*\)\n$/);
      expect(result.stderr).toContain('127.0.0.1');
      expect((await fx.cli.run(['auth', '--card', '1001', '--pin', ADA_PIN])).code).toBe(0);
    } finally {
      await rig.cups.resume();
    }
  });

  it('bad selections are usage errors (exit 2)', async () => {
    expect((await fx.cli.run(['print', 'release', '--card', '1001', '--pin', ADA_PIN])).code).toBe(2);
    expect((await fx.cli.run(['print', 'release', '--card', '1001', '--pin', ADA_PIN, '--all', '--job', '3'])).code).toBe(2);
    expect(await fx.cli.run(['print', 'delete', '--card', '1001', '--pin', ADA_PIN, '--job', '0'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--job takes a job number') });
  });
});
