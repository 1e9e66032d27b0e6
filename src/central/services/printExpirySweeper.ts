import type { FastifyBaseLogger } from 'fastify';
import type { CentralContext } from '../centralContext.js';
import { expireCentralHeldJobs } from './centralPrint.js';

/**
 * Runs the held-job expiry sweep every `intervalMs` (default one minute) while the central store
 * serves. A sweep still running is never overlapped; a print server that is down is logged and
 * tried again at the next tick. Returns the function that stops it.
 */
export function startPrintExpirySweeper(ctx: CentralContext, log: FastifyBaseLogger, intervalMs = 60_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    expireCentralHeldJobs(ctx)
      .then((result) => {
        if (!result.ok) log.warn({ reason: result.error.reason }, 'held-job expiry sweep: print server unavailable');
        else if (result.value > 0) log.info({ expired: result.value }, 'held-job expiry sweep');
      })
      .catch((error: unknown) => log.error({ err: error }, 'held-job expiry sweep failed'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
