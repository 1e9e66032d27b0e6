import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLocalPrint } from '../../../src/host/print/localPrint.js';
import { openKioskStore, type KioskStore } from '../../../src/store/index.js';
import { cryptoRandomSource } from '../../../src/platform/index.js';
import { manualClock } from '../../support/domainFakes.js';
import { startPrintRig, waitForJobState, type PrintRig } from '../../support/printRig.js';

// The expiry sweep of a standalone kiosk: its own store, a real private cupsd.
let rig: PrintRig;
let dir: string;

beforeAll(async () => {
  rig = await startPrintRig();
  dir = mkdtempSync(path.join(os.tmpdir(), 'bk-expiry-'));
});
afterAll(async () => {
  await rig?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function open(clock: ReturnType<typeof manualClock>): { store: KioskStore; print: ReturnType<typeof openLocalPrint> } {
  const store = openKioskStore({ file: path.join(dir, 'kiosk.sqlite') });
  const print = openLocalPrint({ store, secretsDir: path.join(dir, 'secrets'), clock, random: cryptoRandomSource, kioskId: null });
  return { store, print };
}

test('held jobs older than print.held-job-timeout-minutes are cancelled and audited once, never twice, across a restart', async () => {
  const clock = manualClock(Date.now());
  const first = open(clock);
  first.print.setup.addServer({ name: 'main', url: rig.cups.url, followMeQueues: ['followme'], hasCredentials: false }, { username: 'test' });
  first.print.setup.setReleasePrinter({ server: 'main', queue: 'lobby' }, { username: 'test' });
  expect(first.store.setConfig('print.held-job-timeout-minutes', 30).ok).toBe(true);

  const old = [
    await rig.cups.submit({ queue: 'followme', user: 'ada', title: 'expiry: old', body: 'OLD\n' }),
    await rig.cups.submit({ queue: 'lobby', user: 'bob', title: 'expiry: old on lobby', body: 'OLD-LOBBY\n' }),
  ];
  const elsewhere = await rig.cups.submit({ queue: 'annex', user: 'ada', title: 'expiry: other printer' });
  // CUPS stamps jobs in whole seconds: the next job is at least one second younger.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const young = await rig.cups.submit({ queue: 'followme', user: 'ada', title: 'expiry: young' });
  const youngJob = await rig.target.server.job(young);
  clock.set(youngJob!.submittedAt + 30 * 60_000);

  const printed = rig.printed();
  const swept = await first.print.expire();
  expect(swept.ok && [...swept.value].sort((a, b) => a - b)).toEqual(old);
  for (const id of old) expect(await waitForJobState(rig, id, ['canceled'])).toBe('canceled');
  expect((await rig.target.server.job(young))?.state).toBe('pending-held');
  expect((await rig.target.server.job(elsewhere))?.state).toBe('pending-held');
  expect(rig.printed()).toEqual(printed);
  expect(first.store.uow.repos.audit.query({ kind: 'print.expired' }).map((e) => Number(e.details['jobId'])).sort((a, b) => a - b)).toEqual(old);
  expect(first.store.uow.repos.audit.query({ kind: 'print.expired' })[0]).toMatchObject({
    outcome: 'success',
    details: { server: 'main', timeoutMinutes: 30, result: 'expired' },
  });
  expect((await first.print.expire())).toEqual({ ok: true, value: [] });
  first.store.close();

  // A restart: a new store handle and sweeper, the clock moved on past the young job too.
  clock.advance(60_000);
  const second = open(clock);
  expect(second.print.setup.wasExpired('main', old[0]!)).toBe(true);
  expect(await second.print.expire()).toEqual({ ok: true, value: [young] });
  const rows = second.store.uow.repos.audit.query({ kind: 'print.expired' });
  expect(rows.map((e) => Number(e.details['jobId'])).sort((a, b) => a - b)).toEqual([...old, young]);
  second.store.close();
});

test('the sweep answers "Printing is unavailable" when the server is down, and changes nothing', async () => {
  const clock = manualClock(Date.now() + 24 * 3600_000);
  const { store, print } = open(clock);
  await rig.cups.pause();
  try {
    const result = await print.expire();
    expect(result).toMatchObject({ ok: false, error: { code: 'print-unavailable', message: 'Printing is unavailable right now.' } });
  } finally {
    await rig.cups.resume();
    store.close();
  }
});
