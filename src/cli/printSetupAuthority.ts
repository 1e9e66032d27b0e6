import type { PrintServer, PrintServerSetup, ReleasePrinter, Result } from '../core/index.js';
import { openLocalPrint } from '../host/print/localPrint.js';
import { kioskPaths } from '../store/index.js';
import { printCredentialsFile, removePrintCredentials, writePrintCredentials, type PrintCredentials } from '../store/printCredentialsFile.js';
import { readEnrollment } from '../sync/index.js';
import type { CliContext } from './cliCommand.js';
import { CLI_ACTOR, withCliKiosk } from './cliKiosk.js';

/** Where `print server …` and `kiosk printer set` write: this kiosk's store, or the central store `start` embeds. */
export interface PrintSetupAuthority {
  readonly where: 'local' | 'embedded';
  /** This data directory's kiosk id in the central store; null when standalone. */
  readonly kioskId: string | null;
  servers(): Promise<readonly PrintServerSetup[]>;
  releasePrinter(kioskId: string | null): Promise<ReleasePrinter | undefined>;
  addServer(server: { readonly name: string; readonly url: string; readonly followMeQueues: readonly string[]; readonly credentials?: PrintCredentials }): Promise<Result<PrintServerSetup, string>>;
  removeServer(name: string): Promise<Result<PrintServerSetup, string>>;
  setReleasePrinter(kioskId: string | null, printer: ReleasePrinter): Promise<Result<ReleasePrinter, string>>;
  /** The IPP adapter for a named server, with its credentials; undefined for an unknown name. */
  printServer(name: string): Promise<PrintServer | undefined>;
}

/**
 * The rule `users …` follows (changeAuthority.ts): standalone, the kiosk's own store is the
 * authority (credentials in a 0600 file under secrets/); enrolled with the embedded central store,
 * the change goes into it (credentials sealed there, as through the admin API); enrolled with
 * another central store, refused, naming its URL.
 */
export function withPrintSetupAuthority(ctx: CliContext, fn: (authority: PrintSetupAuthority) => Promise<number>): Promise<number> {
  return withCliKiosk(ctx.dataDir, async (kiosk) => {
    const enrollment = readEnrollment(kiosk.store);
    if (!enrollment) {
      const secretsDir = kioskPaths(ctx.dataDir).secretsDir;
      const { setup, printServer } = openLocalPrint({ store: kiosk.store, secretsDir, clock: kiosk.clock, random: kiosk.random, kioskId: null });
      return fn({
        where: 'local',
        kioskId: null,
        servers: async () => setup.servers(),
        releasePrinter: async () => setup.releasePrinter(),
        async addServer(server) {
          const file = printCredentialsFile(secretsDir, server.name);
          if (setup.server(server.name)) return { ok: false, error: `A print server named "${server.name}" already exists; remove it first to change it.` };
          if (server.credentials) await writePrintCredentials(file, server.credentials);
          const added = setup.addServer({ name: server.name, url: server.url, followMeQueues: server.followMeQueues, hasCredentials: server.credentials !== undefined }, CLI_ACTOR);
          if (!added.ok && server.credentials) await removePrintCredentials(file);
          return added;
        },
        async removeServer(name) {
          const removed = setup.removeServer(name, CLI_ACTOR);
          if (removed.ok) await removePrintCredentials(printCredentialsFile(secretsDir, name));
          return removed;
        },
        setReleasePrinter: async (_kioskId, printer) => setup.setReleasePrinter(printer, CLI_ACTOR),
        printServer,
      });
    }
    // Loaded on use: the central store's code stays out of every other command's start.
    const { openEmbeddedPrintSetup } = await import('../central/embeddedPrintSetup.js');
    const paths = kioskPaths(ctx.dataDir);
    const central = await openEmbeddedPrintSetup({ databaseFile: paths.embeddedCentralDb, pepperFile: paths.pepper }, enrollment.siteId, CLI_ACTOR.username ?? 'cli');
    if (!central) {
      ctx.stderr.write(
        `Print servers and release printers are managed in the central store at ${enrollment.centralUrl}: this kiosk is enrolled with it ` +
          `(as "${enrollment.kioskName}"). Set them up there (admin API /api/v1/admin/print-servers). Nothing was changed.\n`,
      );
      return 1;
    }
    try {
      return await fn({
        where: 'embedded',
        kioskId: enrollment.kioskId,
        servers: () => central.servers(),
        releasePrinter: (kioskId) => central.releasePrinter(kioskId ?? enrollment.kioskId),
        addServer: (server) => central.addServer(server),
        removeServer: (name) => central.removeServer(name),
        setReleasePrinter: (kioskId, printer) => central.setReleasePrinter(kioskId ?? enrollment.kioskId, printer),
        printServer: (name) => central.printServer(name),
      });
    } finally {
      await central.close();
    }
  });
}
