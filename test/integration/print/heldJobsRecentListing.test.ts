import { createHeldJobs, LISTING_VOUCHES_MS, RecentListings, type AuditEvent, type Clock, type HeldJobs } from '../../../src/core/index.js';
import { cryptoRandomSource } from '../../../src/platform/cryptoRandomSource.js';
import { startPrintRig, waitForJobState, type PrintRig } from '../../support/printRig.js';

// A recent listing vouches for the user's jobs on the release printer (recentListings.ts), on a real
// private cupsd that logs every request it answers.
let rig: PrintRig;
let now = Date.parse('2026-12-05T12:00:00Z');
const clock: Clock = { now: () => now };
const audit: AuditEvent[] = [];
let heldJobs: HeldJobs;
const ada = { id: 'u-ada', username: 'ada' };

beforeAll(async () => {
  rig = await startPrintRig({ logEveryRequest: true });
  heldJobs = createHeldJobs({ clock, random: cryptoRandomSource, kioskId: 'kiosk-lobby', audit: (event) => void audit.push(event), recentListings: new RecentListings(clock) });
});
afterAll(async () => {
  await rig?.stop();
});

/** The access log's length once the requests answered so far (job-state polls included) are in it. */
async function settledLogLength(): Promise<number> {
  for (let length = -1; ; ) {
    const now = rig.cups.answeredOperations().length;
    if (now === length) return now;
    length = now;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Runs `action` and expects cupsd to have answered exactly `operations` meanwhile (the owner
 * index's Get-Jobs left out: listings only). cupsd writes its access log a moment after it answers.
 */
async function answeredDuring<T>(operations: readonly string[], action: () => Promise<T>): Promise<T> {
  const before = await settledLogLength();
  const result = await action();
  await vi.waitFor(() => expect(rig.cups.answeredOperations().slice(before).filter((operation) => operation !== 'Get-Jobs')).toEqual(operations));
  return result;
}

const listed = async (user = ada) => {
  const jobs = await heldJobs.list(user, rig.target);
  if (!jobs.ok) throw new Error(jobs.error.reason);
  return jobs.value;
};

test('a job on the release printer that a listing just showed is released with Release-Job alone, prints there, and is audited', async () => {
  const id = await rig.cups.submit({ queue: 'lobby', user: 'ada', title: 'vouched: own printer', body: 'VOUCHED-OWN\n' });
  expect((await listed()).map((job) => job.id)).toContain(id);
  const printedBefore = rig.lobby.jobs().length;
  expect(await answeredDuring(['Release-Job'], () => heldJobs.release(ada, rig.target, { jobIds: [id] }))).toEqual({ ok: true, value: [{ jobId: id, outcome: 'released' }] });
  await rig.lobby.waitForJobs(printedBefore + 1);
  expect(rig.lobby.receivedText()).toContain('VOUCHED-OWN');
  expect(audit.find((event) => event.kind === 'print.release' && event.details['jobId'] === id)).toMatchObject({
    outcome: 'success',
    username: 'ada',
    details: { queue: 'lobby', printer: 'lobby', title: 'vouched: own printer', result: 'released' },
  });
});

test('a follow-me job is still looked up before it is moved: CUPS-Move-Job would move a job that is no longer held', async () => {
  const id = await rig.cups.submit({ queue: 'followme', user: 'ada', title: 'vouched: follow-me' });
  expect((await listed()).map((job) => job.id)).toContain(id);
  expect(await answeredDuring(['Get-Job-Attributes', 'CUPS-Move-Job', 'Release-Job'], () => heldJobs.release(ada, rig.target, { jobIds: [id] }))).toEqual({ ok: true, value: [{ jobId: id, outcome: 'released' }] });
  await waitForJobState(rig, id, ['completed']);
});

test('another user\'s job on the release printer, named by id right after the user\'s own listing, is refused like an unknown one and never released', async () => {
  const bobs = await rig.cups.submit({ queue: 'lobby', user: 'bob', title: 'vouched: bob', body: 'BOB-ON-LOBBY\n' });
  const bobsOnFollowMe = await rig.cups.submit({ queue: 'followme', user: 'bob', title: 'vouched: bob follow-me' });
  await listed();
  const result = await answeredDuring(['Get-Job-Attributes', 'Get-Job-Attributes'], () => heldJobs.release(ada, rig.target, { jobIds: [bobs, bobsOnFollowMe] }));
  expect(result).toEqual({
    ok: true,
    value: [
      { jobId: bobs, outcome: 'refused', reason: 'unknown-job' },
      { jobId: bobsOnFollowMe, outcome: 'refused', reason: 'unknown-job' },
    ],
  });
  expect(await rig.target.server.job(bobs)).toMatchObject({ state: 'pending-held', queue: 'lobby' });
  expect(await rig.target.server.job(bobsOnFollowMe)).toMatchObject({ state: 'pending-held', queue: 'followme' });
  expect(rig.lobby.receivedText()).not.toContain('BOB-ON-LOBBY');
});

test('a listed job released meanwhile elsewhere gets the answer the lookup gave before: refused while it waits to print, already gone once printed', async () => {
  const waiting = await rig.cups.submit({ queue: 'lobby', user: 'ada', title: 'vouched: released elsewhere' });
  const printed = await rig.cups.submit({ queue: 'lobby', user: 'ada', title: 'vouched: printed elsewhere' });
  await rig.cups.run('cupsdisable', ['lobby']);
  try {
    await listed();
    await rig.cups.run('lp', ['-i', String(waiting), '-H', 'resume']);
    await waitForJobState(rig, waiting, ['pending']);
    expect(await answeredDuring(['Release-Job', 'Get-Job-Attributes'], () => heldJobs.release(ada, rig.target, { jobIds: [waiting] }))).toEqual({ ok: true, value: [{ jobId: waiting, outcome: 'refused', reason: 'unknown-job' }] });
  } finally {
    await rig.cups.run('cupsenable', ['lobby']);
  }
  await waitForJobState(rig, waiting, ['completed']);
  await listed();
  await rig.cups.run('lp', ['-i', String(printed), '-H', 'resume']);
  await waitForJobState(rig, printed, ['completed']);
  expect(await heldJobs.release(ada, rig.target, { jobIds: [printed] })).toEqual({ ok: true, value: [{ jobId: printed, outcome: 'already-gone' }] });
  // Neither was released here: no audit row says so.
  expect(audit.filter((event) => [waiting, printed].includes(event.details['jobId'] as number))).toEqual([]);
});

test('a listing as old as the vouching time vouches for nothing, nor does one that came before the job: the job is looked up first', async () => {
  const id = await rig.cups.submit({ queue: 'lobby', user: 'ada', title: 'vouched: stale' });
  await listed();
  now += LISTING_VOUCHES_MS;
  const stale = await answeredDuring(['Get-Job-Attributes', 'Release-Job'], () => heldJobs.release(ada, rig.target, { jobIds: [id] }));
  expect(stale).toEqual({ ok: true, value: [{ jobId: id, outcome: 'released' }] });

  await listed();
  const other = await rig.cups.submit({ queue: 'lobby', user: 'ada', title: 'vouched: after the listing' });
  await listed({ id: 'u-bob', username: 'bob' });
  const unlisted = await answeredDuring(['Get-Job-Attributes', 'Release-Job'], () => heldJobs.release(ada, rig.target, { jobIds: [other] }));
  expect(unlisted).toEqual({ ok: true, value: [{ jobId: other, outcome: 'released' }] });
});
