/// <reference path="./sealsystemsIpp.d.ts" />
import ipp, { type IppMessage, type IppResponse } from '@sealsystems/ipp';
import { jobBelongsTo, PrintServerUnavailable, type PrintJob, type PrintServer } from '../core/index.js';
import { groupsOf, JOB_ATTRIBUTES, PRINTER_ATTRIBUTES, printerStatusFromIpp, printJobFromIpp } from './ippJobAttributes.js';

export interface IppPrintServerOptions {
  /** The administrator's name for the server. */
  readonly name: string;
  /** ipp://HOST[:PORT] or ipps://HOST[:PORT] (a path, if any, is ignored). */
  readonly url: string;
  /** For servers that require authentication (HTTP Basic); the user also becomes requesting-user-name. */
  readonly username?: string;
  readonly password?: string;
  /** Per request; a dead server must not hold a person at the kiosk for long. Default 8 s. */
  readonly timeoutMs?: number;
}

const OWNER_ATTRIBUTES = ['job-id', 'job-originating-user-name', 'job-state'] as const;
// Answers that mean "that job is not (or no longer) there to act on", as opposed to a server fault.
const GONE = new Set(['client-error-not-found', 'client-error-not-possible', 'client-error-gone']);
// Without credentials, CUPS's default policy lets a job's owner act on it when the request names them.
const LISTING_USER = 'badgekiosk';

/**
 * The IPP adapter for CUPS print servers (RFC 8011 plus CUPS-Move-Job and CUPS-Get-Printers),
 * through @sealsystems/ipp: the encoding is the library's, never ours.
 */
export function createIppPrintServer(options: IppPrintServerOptions): PrintServer {
  const base = new URL(options.url);
  if (base.protocol !== 'ipp:' && base.protocol !== 'ipps:') {
    throw new Error(`Print server URL must start with ipp:// or ipps://, got ${base.protocol}//`);
  }
  const origin = `${base.protocol}//${base.host}`;
  const port = base.port || (base.protocol === 'ipps:' ? '443' : '631');
  // The library fills in port 631 for ipp: only; the URL it is given always names the port.
  const transportUrl = `${base.protocol}//${base.hostname.includes(':') ? `[${base.hostname}]` : base.hostname}:${port}`;
  const auth = options.username !== undefined && options.password !== undefined ? `${options.username}:${options.password}` : undefined;
  const timeout = options.timeoutMs ?? 8000;
  const printerUri = (queue: string) => `${origin}/printers/${encodeURIComponent(queue)}`;
  const jobUri = (id: number) => `${origin}/jobs/${id}`;
  const requester = (owner?: string) => options.username ?? owner ?? LISTING_USER;

  const execute = (path: string, operation: string, message: IppMessage): Promise<IppResponse> =>
    new Promise((resolve, reject) => {
      const printer = ipp.Printer(`${transportUrl}${path}`, { uri: `${origin}${path}`, timeout, ...(auth ? { auth } : {}) });
      printer.execute(operation, message, (error, response) => {
        // The library's errors name the host and status, never the credentials.
        if (error) reject(new PrintServerUnavailable(options.name, `${operation}: ${error.message}`));
        else resolve(response);
      });
    });

  const expectOk = (operation: string, response: IppResponse): IppResponse => {
    if (response.statusCode.startsWith('successful-ok')) return response;
    throw new PrintServerUnavailable(options.name, `${operation} answered ${response.statusCode}`);
  };

  const jobOperation = async (operation: string, job: PrintJob, extra: Partial<IppMessage> = {}): Promise<'done' | 'gone'> => {
    const response = await execute(`/jobs/${job.id}`, operation, {
      'operation-attributes-tag': { 'job-uri': jobUri(job.id), 'requesting-user-name': requester(job.owner) },
      ...extra,
    });
    if (GONE.has(response.statusCode)) return 'gone';
    expectOk(operation, response);
    return 'done';
  };

const jobById = async (id: number): Promise<PrintJob | undefined> => {
    const response = await execute(`/jobs/${id}`, 'Get-Job-Attributes', {
      'operation-attributes-tag': { 'job-uri': jobUri(id), 'requesting-user-name': requester(), 'requested-attributes': [...JOB_ATTRIBUTES] },
    });
    if (response.statusCode === 'client-error-not-found') return undefined;
    const [group] = groupsOf(expectOk('Get-Job-Attributes', response)['job-attributes-tag']);
    return group ? printJobFromIpp(group) : undefined;
  };

  return {
    name: options.name,
    async heldJobs(queues, owner) {
      const listing = async (queue: string, attributes: readonly string[]) => {
        const response = await execute(`/printers/${encodeURIComponent(queue)}`, 'Get-Jobs', {
          'operation-attributes-tag': { 'requesting-user-name': requester(), 'which-jobs': 'not-completed', 'requested-attributes': [...attributes] },
        });
        // A queue that does not exist (renamed or deleted by the administrator) holds no jobs for anyone.
        if (response.statusCode === 'client-error-not-found') return [];
        return groupsOf(expectOk('Get-Jobs', response)['job-attributes-tag']);
      };
      if (owner === undefined) {
        const perQueue = await Promise.all(queues.map((queue) => listing(queue, JOB_ATTRIBUTES)));
        return perQueue.flat().map(printJobFromIpp).filter((job): job is PrintJob => job !== undefined && job.state === 'pending-held');
      }
      // One user's jobs among thousands: CUPS's my-jobs filter matches the exact name only (no
      // DOMAIN\user, no user@realm), so list ids and owners alone, then fetch the few that match.
      const perQueue = await Promise.all(queues.map((queue) => listing(queue, OWNER_ATTRIBUTES)));
      const ids = perQueue
        .flat()
        .filter((group) => group['job-state'] === 'pending-held' && jobBelongsTo(String(group['job-originating-user-name'] ?? ''), owner))
        .map((group) => Number(group['job-id']));
      const jobs = await Promise.all(ids.map(jobById));
      return jobs.filter((job): job is PrintJob => job !== undefined && job.state === 'pending-held');
    },
    job: jobById,
    moveJob: (job, toQueue) => jobOperation('CUPS-Move-Job', job, { 'job-attributes-tag': { 'job-printer-uri': printerUri(toQueue) } }),
    releaseJob: (job) => jobOperation('Release-Job', job),
    cancelJob: (job) => jobOperation('Cancel-Job', job),
    async printerStatus(queue) {
      const response = await execute(`/printers/${encodeURIComponent(queue)}`, 'Get-Printer-Attributes', {
        'operation-attributes-tag': { 'requesting-user-name': requester(), 'requested-attributes': [...PRINTER_ATTRIBUTES] },
      });
      const [group] = groupsOf(expectOk('Get-Printer-Attributes', response)['printer-attributes-tag']);
      return printerStatusFromIpp(group ?? {}, queue);
    },
    async queues() {
      const response = await execute('/', 'CUPS-Get-Printers', {
        'operation-attributes-tag': { 'requesting-user-name': requester(), 'requested-attributes': [...PRINTER_ATTRIBUTES] },
      });
      return groupsOf(expectOk('CUPS-Get-Printers', response)['printer-attributes-tag']).map((group) => printerStatusFromIpp(group, ''));
    },
  };
}
