import type { PrintJob } from './heldJob.js';
import type { PrinterStatus } from './printerCondition.js';

/**
 * Port: one print server (CUPS over IPP in src/print). The domain decides whose jobs are whose and
 * where they may go; the adapter only speaks the protocol. Every method rejects with
 * PrintServerUnavailable when the server cannot be reached or answers something unexpected.
 */
export interface PrintServer {
  /** The administrator's name for the server, for messages and audit rows. */
  readonly name: string;
  /** Where the server is (ipp://HOST:PORT): the scope of its job ids. */
  readonly origin: string;
  /**
   * Held jobs (state pending-held) on the named queues, in no particular order: every owner's, or
   * with `owner`, at least those whose owner matches it by jobBelongsTo (an adapter may narrow
   * the listing on the server; the domain filters again).
   */
  heldJobs(queues: readonly string[], owner?: string): Promise<readonly PrintJob[]>;
  /** One job in any state, or undefined when the server has no such job. */
  job(id: number): Promise<PrintJob | undefined>;
  /** CUPS-Move-Job: the job keeps its id and its hold. 'gone' when it no longer exists or is no longer pending. */
  moveJob(job: PrintJob, toQueue: string): Promise<'done' | 'gone'>;
  /** Release-Job. 'gone' when the job no longer exists or is no longer held. */
  releaseJob(job: PrintJob): Promise<'done' | 'gone'>;
  /** Cancel-Job. 'gone' when it no longer exists or has already finished. */
  cancelJob(job: PrintJob): Promise<'done' | 'gone'>;
  printerStatus(queue: string): Promise<PrinterStatus>;
  /** CUPS-Get-Printers: every queue the server has. */
  queues(): Promise<readonly PrinterStatus[]>;
}

export class PrintServerUnavailable extends Error {
  constructor(
    readonly server: string,
    /** For the technician log: what failed (connection refused, HTTP 401, IPP status). Never a password. */
    readonly reason: string,
  ) {
    super(`Print server ${server} is unavailable: ${reason}`);
    this.name = 'PrintServerUnavailable';
  }
}

/** Where a kiosk's user prints: the release printer beside it, and its server's follow-me queues. */
export interface PrintTarget {
  readonly server: PrintServer;
  readonly releaseQueue: string;
  readonly followMeQueues: readonly string[];
}
