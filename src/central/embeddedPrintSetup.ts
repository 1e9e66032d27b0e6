import type { PrintServer, PrintServerSetup, ReleasePrinter, Result } from '../core/index.js';
import { readPepper } from '../pinHashing/index.js';
import { cryptoRandomSource, systemClock } from '../platform/index.js';
import type { CentralContext } from './centralContext.js';
import type { PrintCredentials } from './security/printCredentials.js';
import { addPrintServer, kioskReleasePrinter, listPrintServers, printServerNamed, removePrintServer, setKioskReleasePrinter } from './services/centralPrint.js';
import { openEmbeddedCentralFile } from './embeddedCentralFile.js';

/** The print set-up of the central store `badgekiosk start` embeds, for the CLI (the same services and audit as the admin API). */
export interface EmbeddedPrintSetup {
  servers(): Promise<readonly PrintServerSetup[]>;
  releasePrinter(kioskId: string): Promise<ReleasePrinter | undefined>;
  addServer(server: { readonly name: string; readonly url: string; readonly followMeQueues: readonly string[]; readonly credentials?: PrintCredentials }): Promise<Result<PrintServerSetup, string>>;
  removeServer(name: string): Promise<Result<PrintServerSetup, string>>;
  setReleasePrinter(kioskId: string, printer: ReleasePrinter): Promise<Result<ReleasePrinter, string>>;
  /** The IPP adapter for a named server (credentials unsealed), to check a queue before assigning it. */
  printServer(name: string): Promise<PrintServer | undefined>;
  close(): Promise<void>;
}

/** Undefined when this data directory holds no embedded central store of that site. */
export async function openEmbeddedPrintSetup(
  paths: { readonly databaseFile: string; readonly pepperFile: string },
  siteId: string,
  actor: string,
): Promise<EmbeddedPrintSetup | undefined> {
  const storage = await openEmbeddedCentralFile(paths.databaseFile, siteId);
  if (!storage) return undefined;
  // Only what the print services use: the embedded central store shares the kiosk's pepper file.
  const ctx = { storage, clock: systemClock, random: cryptoRandomSource, pepper: await readPepper(paths.pepperFile) } as Pick<CentralContext, 'storage' | 'clock' | 'random' | 'pepper'> as CentralContext;
  const word = (error: string) => (error === 'not-found' ? 'No such print server.' : error === 'no-kiosk' ? 'No such kiosk in the central store.' : error);
  return {
    servers: () => listPrintServers(storage.db),
    releasePrinter: (kioskId) => kioskReleasePrinter(storage.db, kioskId),
    addServer: (server) => addPrintServer(ctx, server, actor),
    async removeServer(name) {
      const removed = await removePrintServer(ctx, name, actor);
      return removed.ok ? removed : { ok: false, error: removed.error === 'not-found' ? `No print server "${name}".` : removed.error };
    },
    async setReleasePrinter(kioskId, printer) {
      const set = await setKioskReleasePrinter(ctx, kioskId, printer, actor);
      return set.ok ? set : { ok: false, error: word(set.error) };
    },
    printServer: (name) => printServerNamed(ctx, name),
    close: () => storage.close(),
  };
}
