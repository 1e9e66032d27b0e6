import { checkReleaseQueue, releaseQueueVerdict, type ReleasePrinter, type ReleaseQueueVerdict } from '../core/index.js';
import type { PrintSetupAuthority } from './printSetupAuthority.js';

/**
 * Asks the print server whether the queue exists before it becomes a kiosk's release printer
 * (releaseQueueCheck.ts); `--no-check` lets it through only when the server cannot be reached.
 * Allowed without a word when the server is not set up: the authority refuses that itself, by name.
 */
export async function releasePrinterVerdict(authority: PrintSetupAuthority, printer: ReleasePrinter, noCheck: boolean): Promise<ReleaseQueueVerdict> {
  const server = await authority.printServer(printer.server);
  if (!server) return { allowed: true, warning: null };
  return releaseQueueVerdict(printer, await checkReleaseQueue(server, printer.queue), noCheck, '--no-check');
}
