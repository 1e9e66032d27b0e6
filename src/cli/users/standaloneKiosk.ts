import { readEnrollment } from '../../sync/index.js';
import type { CliContext } from '../cliCommand.js';
import { withCliKiosk, type CliKiosk } from '../cliKiosk.js';

/**
 * Runs a user-changing command on a kiosk that is its own authority (never enrolled, DESIGN §5).
 * An enrolled kiosk's users are a replica of the central store's: a local change would never reach
 * the central store and the next pull could undo it, so the command is refused (exit 1).
 */
export function withStandaloneKiosk(ctx: CliContext, fn: (kiosk: CliKiosk) => Promise<number>): Promise<number> {
  return withCliKiosk(ctx.dataDir, async (kiosk) => {
    const enrollment = readEnrollment(kiosk.store);
    if (enrollment) {
      ctx.stderr.write(
        `Users are managed in the central store at ${enrollment.centralUrl}: this kiosk is enrolled with it ` +
          `(as "${enrollment.kioskName}") and keeps a copy of its users. Nothing was changed.\n`,
      );
      return 1;
    }
    return fn(kiosk);
  });
}
