import { openLocalPrint, type LocalPrint } from '../host/print/localPrint.js';
import { kioskPaths } from '../store/index.js';
import { readEnrollment } from '../sync/index.js';
import type { CliContext } from './cliCommand.js';
import { withCliKiosk, type CliKiosk } from './cliKiosk.js';

/**
 * Print commands on a data directory. A standalone kiosk is its own authority (DESIGN §5): its
 * store holds the print servers and the release printer, and it talks to CUPS itself. An enrolled
 * kiosk's printing goes through its central store, which holds the servers and their credentials;
 * the CLI does not speak for it yet, so it refuses and names the central store.
 */
export function withLocalPrint(ctx: CliContext, fn: (print: LocalPrint, kiosk: CliKiosk) => Promise<number>): Promise<number> {
  return withCliKiosk(ctx.dataDir, async (kiosk) => {
    const enrollment = readEnrollment(kiosk.store);
    if (enrollment) {
      ctx.stderr.write(
        `Printing for this kiosk is set up and done through the central store at ${enrollment.centralUrl} ` +
          `(this kiosk is enrolled with it as "${enrollment.kioskName}"); the command line acts only for a standalone kiosk. Nothing was changed.\n`,
      );
      return 1;
    }
    const print = openLocalPrint({ store: kiosk.store, secretsDir: kioskPaths(ctx.dataDir).secretsDir, clock: kiosk.clock, random: kiosk.random, kioskId: null });
    return fn(print, kiosk);
  });
}
