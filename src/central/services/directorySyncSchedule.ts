import type { CentralContext } from '../centralContext.js';
import { readConfig } from './centralConfig.js';
import { syncDirectory } from './directorySync.js';

const TICK_MS = 60_000;

/**
 * directory.sync-interval-minutes (0 = manual only): each central process checks once a minute
 * whether the last `directory.sync` audit row (from any process, the CLI or an administrator) is
 * older than the interval, so several processes behind a load balancer do not each sync on their
 * own clock. Returns a stop function.
 */
export function startDirectorySyncSchedule(ctx: CentralContext, log: { error(details: object, message: string): void }, tickMs = TICK_MS): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const config = await readConfig(ctx.storage.db);
      const minutes = config['directory.sync-interval-minutes'];
      if (minutes === 0 || ctx.directoryFor(config) === null) return;
      const last = await ctx.storage.db.selectFrom('audit').select('at').where('kind', '=', 'directory.sync').orderBy('at', 'desc').limit(1).executeTakeFirst();
      if (last && ctx.clock.now() - Number(last.at) < minutes * 60_000) return;
      const result = await syncDirectory(ctx, { dryRun: false, actor: 'schedule' });
      if (!result.ok) log.error({ code: result.error.code }, `scheduled directory sync failed: ${result.error.message}`);
    } catch (error) {
      log.error({ err: error }, 'scheduled directory sync failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), tickMs);
  timer.unref();
  return () => clearInterval(timer);
}
