/**
 * A site's print servers and each kiosk's release printer, as administrators set them up (issue 12).
 * The same shape on a kiosk's own store (standalone) and on the central store. Credentials are
 * never part of it: only whether the server has any (they live in a secret file or the central
 * store's secret table).
 */
export interface PrintServerSetup {
  readonly name: string;
  /** ipp://HOST[:PORT] or ipps://HOST[:PORT] */
  readonly url: string;
  /** Virtual queues whose jobs are held until released at any kiosk. */
  readonly followMeQueues: readonly string[];
  readonly hasCredentials: boolean;
}

/** The printer beside a kiosk: a queue on one of the site's print servers. */
export interface ReleasePrinter {
  readonly server: string;
  readonly queue: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
// CUPS queue names: printable, no space, slash, '#' or quote (lpadmin's own rule), at most 127 bytes.
const QUEUE = /^[^\s/#'"\\]{1,127}$/;
const URL_SHAPE = /^ipps?:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?\/?$/;

export function printServerNameProblem(name: string): string | null {
  return NAME.test(name) ? null : `Print server name "${name}" must be 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.`;
}

export function queueNameProblem(queue: string): string | null {
  return QUEUE.test(queue) ? null : `Queue name "${queue}" must be 1 to 127 characters without spaces, slashes, '#' or quotes.`;
}

export function printServerUrlProblem(url: string): string | null {
  const match = URL_SHAPE.exec(url);
  const port = match?.[2] ? Number(match[2].slice(1)) : 631;
  return match && port >= 1 && port <= 65535 ? null : `Print server URL "${url}" must be ipp://HOST[:PORT] or ipps://HOST[:PORT].`;
}

/** `SERVER/QUEUE` as the CLI and the admin API take it. */
export function parseReleasePrinter(text: string): ReleasePrinter | string {
  const slash = text.indexOf('/');
  if (slash <= 0 || slash === text.length - 1) return `Release printer "${text}" must be SERVER/QUEUE.`;
  const printer = { server: text.slice(0, slash), queue: text.slice(slash + 1) };
  return printServerNameProblem(printer.server) ?? queueNameProblem(printer.queue) ?? printer;
}

/** A kiosk with no print server or no release printer yet: said in one line, with the command that fixes it. */
export interface PrintNotConfigured {
  readonly code: 'print-not-configured';
  readonly message: string;
  /** The command an administrator runs next. */
  readonly command: string;
}

export function printNotConfigured(missing: 'server' | 'printer'): PrintNotConfigured {
  return missing === 'server'
    ? {
        code: 'print-not-configured',
        message: 'No print server is configured for this kiosk.',
        command: 'badgekiosk print server add NAME --url ipp://HOST[:PORT] --follow-me QUEUE',
      }
    : {
        code: 'print-not-configured',
        message: 'This kiosk has no release printer.',
        command: 'badgekiosk kiosk printer set SERVER/QUEUE',
      };
}
