/// <reference path="./sealsystemsIpp.d.ts" />
import ipp, { type IppMessage, type IppResponse } from '@sealsystems/ipp';
import { jobBelongsTo, PrintServerUnavailable, type PrintJob, type PrintServer } from '../core/index.js';
import { ownerIndexFor, type OwnerReader } from './ippOwnerIndex.js';
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

const FINISHED = new Set(['canceled', 'aborted', 'completed']);
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
      const body = ipp.serialize(printer.message(operation, message));
      // The library's own execute() sends the body chunked, and cupsd answers a chunked request about
      // a millisecond later than one with a Content-Length (bench/printRelease.ts measures both).
      ipp.request({ ...printer.url, headers: { 'Content-Length': String(body.length) } }, body, (error, response) => {
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

  const serverGetJobs = async (operation: IppMessage['operation-attributes-tag']) =>
    groupsOf(expectOk('Get-Jobs', await execute('/', 'Get-Jobs', { 'operation-attributes-tag': { 'requesting-user-name': requester(), ...operation } }))['job-attributes-tag']);

  // With credentials CUPS's my-jobs means the service account, never the user: it cannot stand in there.
  const myJobsWorks = auth === undefined;
  const ownerIndex = ownerIndexFor(`${transportUrl}|${options.username ?? ''}`);
  const readOwners: OwnerReader = (firstIndex, tail) =>
    serverGetJobs({ 'which-jobs': 'all', 'first-index': firstIndex, 'requested-attributes': [...(tail ? JOB_ATTRIBUTES : OWNER_ATTRIBUTES)] });

  /** Named jobs in one Get-Jobs (job-ids); CUPS refuses the whole request when one is gone, then each is asked alone. */
  const jobsByIds = async (ids: readonly number[]): Promise<PrintJob[]> => {
    if (ids.length === 0) return [];
    const response = await execute('/', 'Get-Jobs', {
      'operation-attributes-tag': { 'requesting-user-name': requester(), 'job-ids': ids.length === 1 ? ids[0] : [...ids], 'requested-attributes': [...JOB_ATTRIBUTES] },
    });
    if (response.statusCode === 'client-error-not-found') {
      return (await Promise.all(ids.map(jobById))).filter((job): job is PrintJob => job !== undefined);
    }
    return groupsOf(expectOk('Get-Jobs', response)['job-attributes-tag']).map(printJobFromIpp).filter((job): job is PrintJob => job !== undefined);
  };

  const myJobs = async (owner: string): Promise<PrintJob[]> =>
    (await serverGetJobs({ 'requesting-user-name': owner, 'my-jobs': true, 'which-jobs': 'not-completed', 'requested-attributes': [...JOB_ATTRIBUTES] }))
      .map(printJobFromIpp)
      .filter((job): job is PrintJob => job !== undefined);

  /**
   * One user's held jobs among thousands, in two small requests side by side: the jobs the owner
   * index (ippOwnerIndex.ts) already names for the user, in every spelling, by id; and the index's
   * refresh, whose tail read carries every attribute of the jobs submitted since, the user's among
   * them. Neither makes cupsd walk every job (as my-jobs does), so the pair costs about what one
   * my-jobs costs. Jobs the refresh learned outside its tail (a full read) are fetched by id after.
   */
  const ownersHeldJobs = async (queues: readonly string[], owner: string): Promise<PrintJob[]> => {
    const known = ownerIndex.idsOf(owner);
    // Where CUPS hides other people's names from this reader, the user's own spelling (my-jobs) is all that can be matched.
    const hiddenBefore = myJobsWorks && ownerIndex.ownersHidden;
    const [current, tail, named] = await Promise.all([jobsByIds(known), ownerIndex.refresh(readOwners), hiddenBefore ? myJobs(owner) : Promise.resolve([])]);
    const knownIds = new Set(known);
    const learned = ownerIndex.idsOf(owner).filter((id) => !knownIds.has(id));
    const inTail = new Map(tail.map(printJobFromIpp).filter((job): job is PrintJob => job !== undefined).map((job) => [job.id, job]));
    const fetched = await jobsByIds(learned.filter((id) => !inTail.has(id)));
    const found = [...current, ...learned.flatMap((id) => inTail.get(id) ?? []), ...fetched];
    // Gone or finished: never a candidate again (a job id is never reused while the spool lasts).
    const alive = new Set(found.filter((job) => !FINISHED.has(job.state)).map((job) => job.id));
    for (const id of [...known, ...learned]) if (!alive.has(id)) ownerIndex.forget(id);
    const byName = hiddenBefore ? named : myJobsWorks && ownerIndex.ownersHidden ? await myJobs(owner) : [];
    const seen = new Set(found.map((job) => job.id));
    found.push(...byName.filter((job) => !seen.has(job.id)));
    return found.filter((job) => job.state === 'pending-held' && queues.includes(job.queue) && jobBelongsTo(job.owner, owner));
  };

  /** Released or cancelled here: the index need not ask about it again. */
  const settled = (id: number, outcome: 'done' | 'gone'): 'done' | 'gone' => {
    ownerIndex.forget(id);
    return outcome;
  };

  return {
    name: options.name,
    origin,
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
      return ownersHeldJobs(queues, owner);
    },
    job: jobById,
    moveJob: (job, toQueue) => jobOperation('CUPS-Move-Job', job, { 'job-attributes-tag': { 'job-printer-uri': printerUri(toQueue) } }),
    releaseJob: async (job) => settled(job.id, await jobOperation('Release-Job', job)),
    cancelJob: async (job) => settled(job.id, await jobOperation('Cancel-Job', job)),
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
