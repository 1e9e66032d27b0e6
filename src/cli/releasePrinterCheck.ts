import { PrintServerUnavailable, type ReleasePrinter } from '../core/index.js';
import type { PrintSetupAuthority } from './printSetupAuthority.js';

/**
 * Asks the print server (CUPS-Get-Printers) whether the queue exists before it becomes a kiosk's
 * release printer: a typo would otherwise surface only when a user at the kiosk taps Print.
 * Null when the queue is there, or when the server is not set up (the authority refuses that
 * itself, by name); otherwise the refusal to print.
 */
export async function releasePrinterProblem(authority: PrintSetupAuthority, printer: ReleasePrinter): Promise<string | null> {
  const server = await authority.printServer(printer.server);
  if (!server) return null;
  try {
    const queues = (await server.queues()).map((queue) => queue.queue);
    if (queues.includes(printer.queue)) return null;
    const known = queues.length > 0 ? `its queues are ${[...queues].sort().join(', ')}` : 'it has no queues';
    return `Print server ${printer.server} has no queue "${printer.queue}" (${known}). Nothing was changed.`;
  } catch (error) {
    if (!(error instanceof PrintServerUnavailable)) throw error;
    return (
      `Cannot check queue "${printer.queue}": print server ${printer.server} is unreachable (${error.reason}). ` +
      'Nothing was changed; give --no-check to set it without checking.'
    );
  }
}
