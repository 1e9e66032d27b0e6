import type { AuditEvent } from '../audit.js';
import { auditEvent } from '../auditEvent.js';
import type { Clock, RandomSource } from '../ports.js';
import type { Result } from '../result.js';
import { err, ok } from '../result.js';
import { heldJobView, type HeldJob, type JobOutcome, type PrintJob } from './heldJob.js';
import { jobBelongsTo } from './jobOwnership.js';
import { printerCondition, type PrinterCondition } from './printerCondition.js';
import { PrintServerUnavailable, type PrintTarget } from './printServer.js';
import { RecentListings } from './recentListings.js';

/** The one refusal of a whole print call: the server (or the central store in front of it) is down. */
export interface PrintUnavailable {
  readonly code: 'print-unavailable';
  /** What the user is told. */
  readonly message: string;
  /** Why, for the technician log: names the server, never a password. */
  readonly reason: string;
}

export const PRINT_UNAVAILABLE_MESSAGE = 'Printing is unavailable right now.';

export function printUnavailable(reason: string): PrintUnavailable {
  return { code: 'print-unavailable', message: PRINT_UNAVAILABLE_MESSAGE, reason };
}

export interface PrintUser {
  readonly id: string;
  readonly username: string;
}

/** Which of the user's jobs an action is for. */
export type JobSelection = { readonly all: true } | { readonly jobIds: readonly number[] };

export interface HeldJobsDeps {
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly kioskId: string | null;
  /** Persists one audit row (its own transaction); the central store's is asynchronous. */
  readonly audit: (event: AuditEvent) => void | Promise<void>;
  /**
   * The listings that may vouch for a job at release; one of its own when absent. Pass one that
   * outlives this object where it is built per request (the central store).
   */
  readonly recentListings?: RecentListings;
}

export interface HeldJobs {
  /** The user's held jobs on the release printer and the follow-me queues, newest first. */
  list(user: PrintUser, target: PrintTarget): Promise<Result<readonly HeldJob[], PrintUnavailable>>;
  /** Moves follow-me jobs to the release printer and releases them; one outcome per named job. */
  release(user: PrintUser, target: PrintTarget, selection: JobSelection): Promise<Result<readonly JobOutcome[], PrintUnavailable>>;
  /** Cancels the jobs; never prints. */
  delete(user: PrintUser, target: PrintTarget, selection: JobSelection): Promise<Result<readonly JobOutcome[], PrintUnavailable>>;
  /** The release printer's condition in words, read before releasing. */
  printer(target: PrintTarget): Promise<Result<PrinterCondition, PrintUnavailable>>;
}

/**
 * Held-job rules for a signed-in user (issue 12): a job is the user's when its owner matches
 * (jobOwnership.ts) and it is held on the kiosk's release printer or one of its server's
 * follow-me queues. Any other id, someone else's included, gets the same answer as an id that does
 * not exist, so the kiosk cannot be used to learn about other people's jobs.
 */
export function createHeldJobs(deps: HeldJobsDeps): HeldJobs {
  const recent = deps.recentListings ?? new RecentListings(deps.clock);
  const queuesOf = (target: PrintTarget) => [...new Set([target.releaseQueue, ...target.followMeQueues])];

  const usersHeldJobs = async (user: PrintUser, target: PrintTarget): Promise<readonly PrintJob[]> => {
    const queues = queuesOf(target);
    const jobs = await target.server.heldJobs(queues, user.username);
    return jobs
      .filter((job) => job.state === 'pending-held' && queues.includes(job.queue) && jobBelongsTo(job.owner, user.username))
      .sort((a, b) => b.submittedAt - a.submittedAt || b.id - a.id);
  };

  /** What a named id is to this user here: their held job, their job no longer held, or unknown (someone else's included). */
  const classify = (user: PrintUser, target: PrintTarget, jobId: number, job: PrintJob | undefined): PrintJob | JobOutcome => {
    const wasTheirs = job !== undefined && jobBelongsTo(job.owner, user.username) && queuesOf(target).includes(job.queue);
    if (wasTheirs && job.state === 'pending-held') return job;
    return wasTheirs && job.state !== 'pending'
      ? { jobId, outcome: 'already-gone' }
      : { jobId, outcome: 'refused', reason: 'unknown-job' };
  };

  /**
   * The jobs an action is for: all of the user's held jobs (one listing), or each named id looked
   * up by itself, which costs one small request per id instead of listing every held job; `vouched`
   * names the jobs a recent listing answers for without a request.
   */
  const selected = async (user: PrintUser, target: PrintTarget, selection: JobSelection, vouched: (id: number) => PrintJob | undefined): Promise<Array<PrintJob | JobOutcome>> => {
    if ('all' in selection) return [...(await usersHeldJobs(user, target))];
    const ids = [...new Set(selection.jobIds)];
    const jobs = await Promise.all(ids.map((id) => vouched(id) ?? target.server.job(id)));
    return ids.map((id, i) => classify(user, target, id, jobs[i]));
  };

  /** A vouched-for job the server would not release: what the lookup before it would have answered, unaudited like that answer. */
  const recheck = async (user: PrintUser, target: PrintTarget, jobId: number): Promise<JobOutcome> => {
    const now = classify(user, target, jobId, await target.server.job(jobId));
    return 'outcome' in now ? now : { jobId, outcome: 'already-gone' };
  };

  const record = async (kind: 'print.release' | 'print.delete', user: PrintUser, target: PrintTarget, job: PrintJob, outcome: JobOutcome) =>
    deps.audit(
      auditEvent({
        id: deps.random.uuid(),
        at: deps.clock.now(),
        kind,
        outcome: outcome.outcome === 'released' || outcome.outcome === 'deleted' ? 'success' : 'failure',
        user,
        kioskId: deps.kioskId,
        details: {
          server: target.server.name,
          queue: job.queue,
          jobId: job.id,
          title: job.title,
          pages: job.pages ?? 'unknown',
          result: outcome.outcome,
          ...(kind === 'print.release' ? { printer: target.releaseQueue } : {}),
        },
      }),
    );

  const act = async (
    kind: 'print.release' | 'print.delete',
    user: PrintUser,
    target: PrintTarget,
    selection: JobSelection,
    perform: (job: PrintJob) => Promise<'done' | 'gone' | JobOutcome>,
    vouched: (id: number) => PrintJob | undefined = () => undefined,
  ): Promise<Result<readonly JobOutcome[], PrintUnavailable>> =>
    guarded(async () => {
      const outcomes: JobOutcome[] = [];
      for (const job of await selected(user, target, selection, vouched)) {
        if ('outcome' in job) {
          outcomes.push(job);
          continue;
        }
        const jobId = job.id;
        const performed = await perform(job);
        recent.forget(deps.kioskId, user.id, target, jobId);
        if (typeof performed === 'object') {
          outcomes.push(performed);
          continue;
        }
        const done = performed === 'done';
        const outcome: JobOutcome = done
          ? { jobId, outcome: kind === 'print.release' ? 'released' : 'deleted' }
          : { jobId, outcome: 'already-gone' };
        await record(kind, user, target, job, outcome);
        outcomes.push(outcome);
      }
      return outcomes;
    });

  return {
    list: (user, target) =>
      guarded(async () => {
        const jobs = await usersHeldJobs(user, target);
        recent.remember(deps.kioskId, user.id, target, jobs);
        return jobs.map(heldJobView);
      }),
    release: (user, target, selection) => {
      const vouchedIds = new Set<number>();
      const vouched = (id: number) => {
        const job = recent.releasable(deps.kioskId, user.id, target, id);
        if (job) vouchedIds.add(id);
        return job;
      };
      return act('print.release', user, target, selection, async (job) => {
        if (job.queue !== target.releaseQueue && (await target.server.moveJob(job, target.releaseQueue)) === 'gone') return 'gone';
        const released = await target.server.releaseJob({ ...job, queue: target.releaseQueue });
        // Released, cancelled or moved since the listing: answered as the lookup would have answered it.
        return released === 'gone' && vouchedIds.has(job.id) ? recheck(user, target, job.id) : released;
      }, vouched);
    },
    delete: (user, target, selection) => act('print.delete', user, target, selection, (job) => target.server.cancelJob(job)),
    printer: (target) => guarded(async () => printerCondition(await target.server.printerStatus(target.releaseQueue))),
  };
}

/** Runs a print call; an unreachable server becomes a value, anything else is a bug and still throws. */
export async function guarded<T>(fn: () => Promise<T>): Promise<Result<T, PrintUnavailable>> {
  try {
    return ok(await fn());
  } catch (error) {
    if (error instanceof PrintServerUnavailable) return err(printUnavailable(`print server ${error.server}: ${error.reason}`));
    throw error;
  }
}
