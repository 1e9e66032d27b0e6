import type { Logger } from 'pino';
import { kioskPaths, type KioskStore } from '../../store/index.js';
import { cryptoRandomSource, systemClock } from '../../platform/index.js';
import { readEnrollment } from '../../sync/index.js';
import { openLocalPrint } from './localPrint.js';

/**
 * A standalone kiosk expires its own held jobs (print.held-job-timeout-minutes) every
 * `intervalMs`; an enrolled kiosk leaves it to its central store. Never overlaps itself; a print
 * server that is down is logged and tried at the next tick. Returns the function that stops it.
 */
export function startLocalExpirySweeper(store: KioskStore, dataDir: string, logger: Logger, intervalMs = 60_000): () => void {
  const print = openLocalPrint({ store, secretsDir: kioskPaths(dataDir).secretsDir, clock: systemClock, random: cryptoRandomSource, kioskId: null });
  let running = false;
  const timer = setInterval(() => {
    if (running || readEnrollment(store)) return;
    running = true;
    print
      .expire()
      .then((result) => {
        if (result.ok && result.value.length > 0) logger.info({ expired: result.value.length }, 'held-job expiry sweep');
        if (!result.ok && result.error.code === 'print-unavailable') logger.warn({ reason: result.error.reason }, 'held-job expiry sweep: printing is unavailable');
      })
      .catch((error: unknown) => logger.error({ err: error }, 'held-job expiry sweep failed'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
