import { CliRunner } from '../../support/cliProcess.js';
import { openHostKiosk, type HostKiosk } from '../../support/hostKiosk.js';

// The technician's print line on a standalone kiosk runtime: the command that sets printing up, then the printer.
describe('printSetupStatus on a standalone kiosk', { timeout: 60_000 }, () => {
  let kiosk: HostKiosk | undefined;
  afterAll(async () => {
    await kiosk?.close();
  });

  it('names the set-up command until a server and a release printer exist, then the printer; print calls need a session', async () => {
    kiosk = await openHostKiosk();
    const cli = new CliRunner(kiosk.dataDir);
    expect((await kiosk.call('printSetupStatus', {})).value).toEqual({
      status: 'not-configured',
      command: 'badgekiosk print server add NAME --url ipp://HOST[:PORT] --follow-me QUEUE',
    });
    expect((await cli.run(['print', 'server', 'add', 'main', '--url', 'ipp://127.0.0.1:9'])).code).toBe(0);
    expect((await kiosk.call('printSetupStatus', {})).value).toEqual({ status: 'not-configured', command: 'badgekiosk kiosk printer set SERVER/QUEUE' });
    // Nothing listens on port 9: the queue cannot be checked, so the set-up goes on with --no-check.
    expect((await cli.run(['kiosk', 'printer', 'set', 'main/lobby'])).code).toBe(1);
    expect((await cli.run(['kiosk', 'printer', 'set', 'main/lobby', '--no-check'])).code).toBe(0);
    expect((await kiosk.call('printSetupStatus', {})).value).toEqual({ status: 'ready', printer: 'main/lobby' });
    expect(await kiosk.call('printJobs', {})).toMatchObject({ ok: false, error: { code: 'no-session' } });
  });
});
