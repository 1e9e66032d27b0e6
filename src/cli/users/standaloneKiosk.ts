import { existsSync } from 'node:fs';
import { kioskPaths } from '../../store/index.js';
import { readEnrollment, type Enrollment } from '../../sync/index.js';
import type { CliContext } from '../cliCommand.js';
import { withCliKiosk, type CliKiosk } from '../cliKiosk.js';

/**
 * Runs a user-changing command (users, PINs, Card/ID numbers) on a kiosk that is its own authority (never enrolled, DESIGN §5).
 * An enrolled kiosk's users are a replica of the central store's: a local change would never reach
 * the central store and the next pull could undo it, so the command is refused (exit 1).
 */
export function withStandaloneKiosk(ctx: CliContext, fn: (kiosk: CliKiosk) => Promise<number>): Promise<number> {
  return withCliKiosk(ctx.dataDir, async (kiosk) => {
    const enrollment = readEnrollment(kiosk.store);
    if (enrollment) {
      ctx.stderr.write(refusal(ctx.dataDir, enrollment));
      return 1;
    }
    return fn(kiosk);
  });
}

function refusal(dataDir: string, enrollment: Enrollment): string {
  const { embeddedCentralDb } = kioskPaths(dataDir);
  // `badgekiosk start` enrolls with the central store it runs itself: name the ways that one is
  // managed, since its address is loopback, changes at every start, and answers only while it runs.
  if (isLoopback(enrollment.centralUrl) && existsSync(embeddedCentralDb)) {
    return (
      `Users are managed in the central store that \`badgekiosk start\` runs in this data directory ` +
      `(${embeddedCentralDb}); this kiosk keeps a copy of its users. Nothing was changed.\n` +
      `While the kiosk runs, use that store's admin API at ${enrollment.centralUrl} (the port changes at each start; ` +
      `create an administrator with \`badgekiosk central admin create --username NAME\`), ` +
      `or keep a one-kiosk site on its own store with \`badgekiosk start --standalone\` on a new data directory.\n`
    );
  }
  return (
    `Users are managed in the central store at ${enrollment.centralUrl}: this kiosk is enrolled with it ` +
    `(as "${enrollment.kioskName}") and keeps a copy of its users. Nothing was changed.\n`
  );
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}
