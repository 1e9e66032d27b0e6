import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_USERS } from '../../../src/host/demoUsers.js';
import { CliRunner } from '../../support/cliProcess.js';
import { openHostKiosk, type HostKiosk } from '../../support/hostKiosk.js';
import { startPrintRig, type PrintRig } from '../../support/printRig.js';

const ada = DEMO_USERS.find((u) => u.username === 'ada')!;
const PASSWORD = 'embedded-Secret-99';

/**
 * `print server …` and `kiosk printer set` on a kiosk enrolled with its embedded central store
 * write into that store (the rule `users …` follows); the running kiosk's screen then prints
 * through it. The kiosk is a real runtime in this process; the print server a private cupsd.
 */
describe('print set-up on a kiosk enrolled with its embedded central store', { timeout: 120_000 }, () => {
  let dataDir: string;
  let kiosk: HostKiosk | undefined;
  let cli: CliRunner;
  let rig: PrintRig;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'badgekiosk-cli-print-embedded-'));
    cli = new CliRunner(dataDir);
    rig = await startPrintRig();
  });
  afterAll(async () => {
    await kiosk?.close();
    await rig?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes the print server and the release printer into the embedded central store, and the kiosk screen releases through it', async () => {
    kiosk = await openHostKiosk({ centralMode: 'embedded', dataDir, keepDataDir: true });
    await kiosk.runtime.linked;
    const passwordFile = path.join(dataDir, 'cups-password');
    writeFileSync(passwordFile, PASSWORD);
    const secured = await cli.run(['print', 'server', 'add', 'secured', '--url', 'ipps://print.example', '--username', 'k', '--password-file', passwordFile]);
    expect(secured).toMatchObject({ code: 0, stdout: expect.stringContaining('credentials sealed in the central store') });
    expect(await cli.run(['print', 'server', 'add', 'main', '--url', rig.cups.url, '--follow-me', 'followme'])).toMatchObject({ code: 0 });
    expect(await cli.run(['kiosk', 'printer', 'set', 'main/nosuch'])).toMatchObject({ code: 1, stderr: expect.stringContaining('Print server main has no queue "nosuch"') });
    expect(await cli.run(['kiosk', 'printer', 'set', 'main/lobby'])).toMatchObject({ code: 0 });
    const listed = JSON.parse((await cli.run(['print', 'server', 'list', '--json'])).stdout) as { servers: { name: string }[]; releasePrinter: unknown };
    expect(listed.servers.map((s) => s.name)).toEqual(['main', 'secured']);
    expect(listed.releasePrinter).toEqual({ server: 'main', queue: 'lobby' });
    expect(cli.outputs.join('')).not.toContain(PASSWORD);

    const id = await rig.cups.submit({ queue: 'followme', user: 'ada', title: 'embedded: report', body: 'EMBEDDED-PRINT\n' });
    expect((await kiosk.call('presentCard', { cardNumber: ada.primaryCard })).value?.phase).toBe('enter-pin');
    expect((await kiosk.call('submitPin', { pin: ada.pin! })).value?.phase).toBe('signed-in');
    const jobs = await kiosk.call('printJobs', {});
    expect(jobs.value).toMatchObject({ status: 'ok', printer: 'lobby', jobs: [{ id, title: 'embedded: report' }] });
    const printed = rig.lobby.jobs().length;
    expect((await kiosk.call('printRelease', { selection: { jobIds: [id] } })).value).toMatchObject({ status: 'ok', outcomes: [{ jobId: id, outcome: 'released' }], printer: 'lobby' });
    await rig.lobby.waitForJobs(printed + 1);
    expect(rig.lobby.receivedText()).toContain('EMBEDDED-PRINT');
    await kiosk.call('logout');
    expect((await kiosk.call('printSetupStatus', {})).value).toMatchObject({ status: 'central', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
  });
});
