import { auditEvent } from '../auditEvent.js';
import type { AuditEvent } from '../audit.js';
import type { Clock, RandomSource } from '../ports.js';
import type { Result } from '../result.js';
import type { PrintJob } from './heldJob.js';
import { guarded, type PrintUnavailable } from './heldJobs.js';
import type { PrintServer } from './printServer.js';

export interface ExpiryDeps {
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly kioskId: string | null;
  /** Whether this job was expired before (the sweep's memory survives restarts). */
  wasExpired(server: string, jobId: number): boolean | Promise<boolean>;
  /** Remembers the job with its `print.expired` audit row, in one transaction. */
  remember(server: string, jobId: number, audit: AuditEvent): void | Promise<void>;
}

/**
 * Cancels held jobs older than `print.held-job-timeout-minutes` on the given queues, whoever owns
 * them. A job remembered as expired is never cancelled or audited again, even when a server hands
 * it back in a listing (a sweep after a restart, two sweepers racing).
 */
export async function expireHeldJobs(
  deps: ExpiryDeps,
  server: PrintServer,
  queues: readonly string[],
  timeoutMinutes: number,
): Promise<Result<readonly number[], PrintUnavailable>> {
  return guarded(async () => {
    const cutoff = deps.clock.now() - timeoutMinutes * 60_000;
    const old = (await server.heldJobs(queues)).filter((job) => job.submittedAt < cutoff);
    const expired: number[] = [];
    for (const job of old) {
      if (await deps.wasExpired(server.name, job.id)) continue;
      const result = await server.cancelJob(job);
      await deps.remember(server.name, job.id, expiredEvent(deps, server.name, job, result, timeoutMinutes));
      if (result === 'done') expired.push(job.id);
    }
    return expired;
  });
}

function expiredEvent(deps: ExpiryDeps, server: string, job: PrintJob, result: 'done' | 'gone', timeoutMinutes: number): AuditEvent {
  return auditEvent({
    id: deps.random.uuid(),
    at: deps.clock.now(),
    kind: 'print.expired',
    outcome: result === 'done' ? 'success' : 'failure',
    kioskId: deps.kioskId,
    details: {
      server,
      queue: job.queue,
      jobId: job.id,
      title: job.title,
      owner: job.owner,
      pages: job.pages ?? 'unknown',
      timeoutMinutes,
      result: result === 'done' ? 'expired' : 'already-gone',
    },
  });
}
