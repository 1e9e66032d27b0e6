import { readFileSync } from 'node:fs';
import { kioskPaths } from '../../../src/store/index.js';
import { CentralHttpClient, centralKioskPrint } from '../../../src/sync/index.js';
import type { KioskPrint } from '../../../src/core/index.js';
import { backendDatabases, CENTRAL_BACKENDS, type BackendDatabases } from '../../support/centralBackends.js';
import { enrollTestKiosk, type TestKiosk } from '../../support/centralKiosk.js';
import { adminLogin, createAdminWithCli, eventually, http, removeDir, runCli, startCentralProcess, tempDir, type AdminSession, type CentralProcess } from '../../support/centralProcess.js';
import { freePort } from '../../support/freePort.js';
import { startPrintRig, type PrintRig } from '../../support/printRig.js';

// Print release through the central store (enrolled kiosks) on both backends, against a real cupsd.
const PRINT_PASSWORD = 'cups-Secret-0815';
const ADA_PIN = '583914';

describe.each(CENTRAL_BACKENDS)('print release through the central store on %s', (backend) => {
  let dir: string;
  let dbs: BackendDatabases;
  let db: string;
  let central: CentralProcess;
  let admin: AdminSession;
  let rig: PrintRig;
  let lobbyKiosk: TestKiosk;
  let annexKiosk: TestKiosk;
  let lobby: KioskPrint;
  let annex: KioskPrint;
  let ada: { id: string; username: string };
  let bob: { id: string; username: string };

  const kioskPrint = (kiosk: TestKiosk) =>
    centralKioskPrint(new CentralHttpClient({ baseUrl: central.url, token: readFileSync(kioskPaths(kiosk.dataDir).kioskToken, 'utf8').trim() }));

  beforeAll(async () => {
    dir = await tempDir('bk-central-print-');
    dbs = await backendDatabases(backend, dir);
    db = await dbs.fresh('print');
    await createAdminWithCli(dir, db);
    [central, rig] = await Promise.all([startCentralProcess({ dataDir: dir, db }), startPrintRig({ logEveryRequest: true })]);
    admin = await adminLogin(central.url);
    lobbyKiosk = await enrollTestKiosk(central.url, admin, 'Lobby');
    annexKiosk = await enrollTestKiosk(central.url, admin, 'Annex');
    lobby = kioskPrint(lobbyKiosk);
    annex = kioskPrint(annexKiosk);
    ada = (await admin.call('POST', '/api/v1/admin/users', { username: 'ada', primaryCard: '7001', pin: ADA_PIN })).body;
    bob = (await admin.call('POST', '/api/v1/admin/users', { username: 'bob', primaryCard: '7002' })).body;
  });

  afterAll(async () => {
    await lobbyKiosk?.close();
    await annexKiosk?.close();
    await central?.stop();
    await rig?.stop();
    dbs?.stop();
    if (dir) await removeDir(dir);
  });

  it('a kiosk with no print server set up is told so, with the setup step', async () => {
    expect(await lobby.list(ada)).toMatchObject({ ok: false, error: { code: 'print-not-configured', message: 'No print server is configured for this kiosk.' } });
  });

  it('administrators add print servers (password write-only, sealed, never in answers or audit) and assign release printers, documented in OpenAPI', async () => {
    const secured = await admin.call('POST', '/api/v1/admin/print-servers', { name: 'secured', url: 'ipps://print.example', username: 'kiosk', password: PRINT_PASSWORD });
    expect(secured).toMatchObject({ status: 200, body: { name: 'secured', hasCredentials: true, followMeQueues: [] } });
    expect((await admin.call('POST', '/api/v1/admin/print-servers', { name: 'main', url: rig.cups.url, followMeQueues: ['followme'] })).status).toBe(200);
    expect((await admin.call('POST', '/api/v1/admin/print-servers', { name: 'main', url: rig.cups.url })).status).toBe(409);
    expect((await admin.call('POST', '/api/v1/admin/print-servers', { name: 'bad', url: 'http://x' })).status).toBe(400);
    expect((await admin.call('POST', '/api/v1/admin/print-servers', { name: 'half', url: 'ipp://x', username: 'u' })).status).toBe(400);

    expect((await admin.call('PUT', `/api/v1/admin/kiosks/${lobbyKiosk.kioskId}/release-printer`, { server: 'main', queue: 'lobby' })).status).toBe(200);
    expect((await admin.call('PUT', `/api/v1/admin/kiosks/${annexKiosk.kioskId}/release-printer`, { server: 'main', queue: 'annex' })).status).toBe(200);
    expect((await admin.call('PUT', `/api/v1/admin/kiosks/${annexKiosk.kioskId}/release-printer`, { server: 'nowhere', queue: 'annex' })).status).toBe(409);
    expect((await admin.call('GET', `/api/v1/admin/kiosks/${lobbyKiosk.kioskId}/release-printer`)).body).toEqual({ server: 'main', queue: 'lobby' });
    expect((await admin.call('DELETE', '/api/v1/admin/print-servers/main')).status).toBe(409);

    const listed = await admin.call('GET', '/api/v1/admin/print-servers');
    const audit = await admin.call('GET', '/api/v1/admin/audit?kind=print.server');
    const everything = JSON.stringify([secured.body, listed.body, audit.body, central.output()]);
    expect(everything).not.toContain(PRINT_PASSWORD);
    expect(listed.body.servers.map((s: { name: string }) => s.name)).toEqual(['main', 'secured']);
    if (backend === 'sqlite') expect(readFileSync(db.replace(/^sqlite:/, '')).includes(PRINT_PASSWORD)).toBe(false);

    const openapi = (await http(`${central.url}/api/v1/openapi.json`, 'GET')).body as { paths: Record<string, unknown> };
    for (const route of ['/api/v1/admin/print-servers', '/api/v1/admin/kiosks/{id}/release-printer', '/api/v1/kiosk/print/jobs', '/api/v1/kiosk/print/release', '/api/v1/kiosk/print/delete']) {
      expect(Object.keys(openapi.paths)).toContain(route);
    }
  });

  it('a release printer\'s queue is looked up on its server: a missing one is refused naming server and queue, an unreachable server only with noCheck', async () => {
    const route = `/api/v1/admin/kiosks/${annexKiosk.kioskId}/release-printer`;
    const missing = await admin.call('PUT', route, { server: 'main', queue: 'anex' });
    expect(missing).toMatchObject({ status: 422, body: { error: { code: 'unknown-queue', message: 'Print server main has no queue "anex" (its queues are annex, followme, lobby). Nothing was changed.' } } });
    expect(await admin.call('PUT', route, { server: 'main', queue: 'anex', noCheck: true })).toMatchObject({ status: 422, body: { error: { code: 'unknown-queue', message: expect.stringContaining('"noCheck": true applies only when the server cannot be reached') } } });

    expect((await admin.call('POST', '/api/v1/admin/print-servers', { name: 'offline', url: `ipp://127.0.0.1:${await freePort()}` })).status).toBe(200);
    const unreachable = await admin.call('PUT', route, { server: 'offline', queue: 'annex' });
    expect(unreachable).toMatchObject({ status: 503, body: { error: { code: 'print-unavailable' } } });
    expect(unreachable.body.error.message).toMatch(/^Cannot check queue "annex": print server offline is unreachable \(.+\)\. Nothing was changed; give "noCheck": true to set it without checking\.$/);
    expect((await admin.call('GET', route)).body).toEqual({ server: 'main', queue: 'annex' });

    const unchecked = await admin.call('PUT', route, { server: 'offline', queue: 'annex', noCheck: true });
    expect(unchecked).toMatchObject({ status: 200, body: { server: 'offline', queue: 'annex', warning: expect.stringMatching(/^Print server offline is unreachable \(.+\): queue "annex" was set without checking that it exists\.$/) } });
    expect((await admin.call('PUT', route, { server: 'main', queue: 'annex' })).body).toEqual({ server: 'main', queue: 'annex' });
    expect((await admin.call('DELETE', '/api/v1/admin/print-servers/offline')).status).toBe(200);
  });

  it('lists only the named user\'s held jobs on that kiosk\'s printer and the follow-me queues', async () => {
    const mine = await rig.cups.submit({ queue: 'followme', user: 'ADA', title: 'central: report' });
    const onAnnex = await rig.cups.submit({ queue: 'annex', user: 'ada', title: 'central: annex' });
    await rig.cups.submit({ queue: 'followme', user: 'bob', title: 'central: bob' });
    const atLobby = await lobby.list(ada);
    expect(atLobby.ok && atLobby.value.jobs.map((j) => j.id)).toEqual([mine]);
    expect(atLobby.ok && atLobby.value.printer).toBe('lobby');
    const atAnnex = await annex.list(ada);
    expect(atAnnex.ok && new Set(atAnnex.value.jobs.map((j) => j.id))).toEqual(new Set([mine, onAnnex]));
  });

  it('release prints on the calling kiosk\'s printer only, audited with the kiosk; someone else\'s job is refused and nothing prints', async () => {
    const id = await rig.cups.submit({ queue: 'followme', user: 'ada', title: 'central: release', body: 'CENTRAL-RELEASE\n' });
    const bobs = await rig.cups.submit({ queue: 'followme', user: 'bob', title: 'central: bob 2', body: 'CENTRAL-BOB\n' });
    const before = rig.lobby.jobs().length;
    const annexBytes = rig.printed().annex;
    const answeredBefore = rig.cups.answeredOperations().length;
    const released = await lobby.release(ada, { jobIds: [id, bobs] });
    // The printer's state is read after the release, never ahead of it (the expiry sweep's Get-Jobs may come in between).
    const answered = rig.cups.answeredOperations().slice(answeredBefore).filter((operation) => operation !== 'Get-Jobs');
    expect(answered.slice(answered.indexOf('Release-Job'))).toEqual(['Release-Job', 'Get-Printer-Attributes']);
    expect(released).toEqual({
      ok: true,
      value: {
        outcomes: [{ jobId: id, outcome: 'released' }, { jobId: bobs, outcome: 'refused', reason: 'unknown-job' }],
        // Read just after a release, cupsd may report the job it is starting or finishing (raw reasons kept for the technician log).
        condition: { kind: 'ready', message: 'lobby is ready.', reasons: expect.toSatisfy((reasons: string[]) => reasons.every((r) => ['cups-waiting-for-job-completed', 'connecting-to-device'].includes(r))) },
        printer: 'lobby',
      },
    });
    await rig.lobby.waitForJobs(before + 1);
    expect(rig.lobby.receivedText()).toContain('CENTRAL-RELEASE');
    expect(rig.lobby.receivedText()).not.toContain('CENTRAL-BOB');
    expect(rig.printed().annex).toBe(annexBytes);
    const audit = (await admin.call('GET', '/api/v1/admin/audit?kind=print.release')).body;
    expect(JSON.stringify(audit)).toContain(lobbyKiosk.kioskId);
    expect(JSON.stringify(audit)).toContain('central: release');
  });

  it('a job on the kiosk\'s printer that the kiosk\'s listing just showed is released with Release-Job alone; someone else\'s there is still refused', async () => {
    const id = await rig.cups.submit({ queue: 'lobby', user: 'ada', title: 'central: listed', body: 'CENTRAL-LISTED\n' });
    const bobs = await rig.cups.submit({ queue: 'lobby', user: 'bob', title: 'central: bob on lobby', body: 'CENTRAL-BOB-LOBBY\n' });
    const listed = await lobby.list(ada);
    expect(listed.ok && listed.value.jobs.map((job) => job.id)).toContain(id);
    const before = rig.lobby.jobs().length;
    const answeredBefore = rig.cups.answeredOperations().length;
    const released = await lobby.release(ada, { jobIds: [id] });
    expect(released).toMatchObject({ ok: true, value: { outcomes: [{ jobId: id, outcome: 'released' }], printer: 'lobby' } });
    // cupsd writes its access log a moment after it answers.
    await vi.waitFor(() => expect(rig.cups.answeredOperations().slice(answeredBefore).filter((operation) => operation !== 'Get-Jobs')).toEqual(['Release-Job', 'Get-Printer-Attributes']));
    expect(await lobby.release(ada, { jobIds: [bobs] })).toMatchObject({ ok: true, value: { outcomes: [{ jobId: bobs, outcome: 'refused', reason: 'unknown-job' }] } });
    await rig.lobby.waitForJobs(before + 1);
    expect(rig.lobby.receivedText()).toContain('CENTRAL-LISTED');
    expect(rig.lobby.receivedText()).not.toContain('CENTRAL-BOB-LOBBY');
    expect(await rig.target.server.job(bobs)).toMatchObject({ state: 'pending-held', queue: 'lobby' });
  });

  it('the CLI of an enrolled kiosk signs in on its replica and lists through its central store', async () => {
    await eventually(() => lobbyKiosk.store.uow.repos.users.findByCard('7001'), 'ada in the lobby kiosk\'s replica');
    const id = await rig.cups.submit({ queue: 'followme', user: 'ada@corp.example', title: 'central: cli' });
    const result = await runCli(['--data-dir', lobbyKiosk.dataDir, 'print', 'jobs', '--card', '7001', '--pin', ADA_PIN, '--json']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { jobs: { id: number }[] }).jobs.map((j) => j.id)).toContain(id);
    expect(result.stdout + result.stderr).not.toContain(ADA_PIN);
  });

  it('delete never prints; an unknown user is refused', async () => {
    const id = await rig.cups.submit({ queue: 'followme', user: 'bob', title: 'central: delete', body: 'CENTRAL-DELETE\n' });
    const printed = rig.printed();
    expect(await annex.delete(bob, { all: true })).toMatchObject({ ok: true, value: { outcomes: expect.arrayContaining([{ jobId: id, outcome: 'deleted' }]), condition: null, printer: 'annex' } });
    expect(rig.printed()).toEqual(printed);
    expect(await lobby.list({ id: 'no-such-user', username: 'x' })).toMatchObject({ ok: false, error: { code: 'print-unavailable' } });
  });

  it('print server down or central store unreachable: "Printing is unavailable right now"; sign-in at the kiosk keeps working', async () => {
    await rig.cups.pause();
    try {
      expect(await lobby.list(ada)).toMatchObject({ ok: false, error: { code: 'print-unavailable', message: 'Printing is unavailable right now.' } });
      await eventually(() => /print server unavailable/.test(central.output()), 'the reason in the central store\'s log');
    } finally {
      await rig.cups.resume();
    }
    const nowhere = centralKioskPrint(new CentralHttpClient({ baseUrl: 'http://127.0.0.1:9', token: 'x' }));
    const down = await nowhere.list(ada);
    expect(down).toMatchObject({ ok: false, error: { code: 'print-unavailable', message: 'Printing is unavailable right now.' } });
    expect(!down.ok && down.error.code === 'print-unavailable' && down.error.reason).toMatch(/central store at http:\/\/127\.0\.0\.1:9.*cannot be reached/);
    expect((await lobbyKiosk.self.authenticate({ via: 'card', cardNumber: '7001' }, '0000')).ok).toBe(false);
  });
});
