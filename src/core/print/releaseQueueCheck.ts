import type { ReleasePrinter } from './printSetup.js';
import { PrintServerUnavailable, type PrintServer } from './printServer.js';

/** What the print server said about a queue about to become a kiosk's release printer. */
export type ReleaseQueueCheck =
  | { readonly kind: 'exists' }
  | { readonly kind: 'missing'; readonly queues: readonly string[] }
  | { readonly kind: 'unreachable'; readonly reason: string };

/**
 * Asks the server for its queues (CUPS-Get-Printers): a typo in SERVER/QUEUE would otherwise
 * surface only when a user at the kiosk taps Print.
 */
export async function checkReleaseQueue(server: PrintServer, queue: string): Promise<ReleaseQueueCheck> {
  try {
    const queues = (await server.queues()).map((found) => found.queue);
    return queues.includes(queue) ? { kind: 'exists' } : { kind: 'missing', queues: [...queues].sort() };
  } catch (error) {
    if (!(error instanceof PrintServerUnavailable)) throw error;
    return { kind: 'unreachable', reason: error.reason };
  }
}

export type ReleaseQueueVerdict =
  | { readonly allowed: true; readonly warning: string | null }
  | { readonly allowed: false; readonly kind: 'missing' | 'unreachable'; readonly message: string };

/**
 * A missing queue is always refused; an unreachable server only without the override, which
 * exists for setting up a kiosk while its print server is down (`overrideHint` says how the caller
 * asks for it: a CLI flag or an API field). The override never sets a queue the server denies.
 */
export function releaseQueueVerdict(printer: ReleasePrinter, check: ReleaseQueueCheck, override: boolean, overrideHint: string): ReleaseQueueVerdict {
  switch (check.kind) {
    case 'exists':
      return { allowed: true, warning: null };
    case 'missing': {
      const known = check.queues.length > 0 ? `its queues are ${check.queues.join(', ')}` : 'it has no queues';
      const note = override ? ` ${overrideHint} applies only when the server cannot be reached.` : '';
      return { allowed: false, kind: 'missing', message: `Print server ${printer.server} has no queue "${printer.queue}" (${known}). Nothing was changed.${note}` };
    }
    case 'unreachable':
      return override
        ? { allowed: true, warning: `Print server ${printer.server} is unreachable (${check.reason}): queue "${printer.queue}" was set without checking that it exists.` }
        : {
            allowed: false,
            kind: 'unreachable',
            message: `Cannot check queue "${printer.queue}": print server ${printer.server} is unreachable (${check.reason}). Nothing was changed; give ${overrideHint} to set it without checking.`,
          };
    default: {
      const unhandled: never = check;
      return unhandled;
    }
  }
}
