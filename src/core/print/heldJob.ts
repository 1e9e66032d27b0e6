/**
 * What a print server tells about one job (DESIGN §9 "Print release"). Job ids are the server's
 * own (CUPS numbers jobs per server, and a moved job keeps its id).
 */
export type PrintJobState = 'pending' | 'pending-held' | 'processing' | 'processing-stopped' | 'canceled' | 'aborted' | 'completed';

export interface PrintJob {
  readonly id: number;
  /** The queue (CUPS printer name) the job sits on now. */
  readonly queue: string;
  /** `job-originating-user-name` as the server holds it (may be `DOMAIN\user` or `user@domain`). */
  readonly owner: string;
  readonly title: string;
  readonly state: PrintJobState;
  /** Epoch ms of submission. */
  readonly submittedAt: number;
  /** Impressions or sheets where the server knows them, else null. */
  readonly pages: number | null;
  readonly copies: number;
  /** True for colour, false for monochrome, null when the server does not say. */
  readonly color: boolean | null;
  readonly sizeBytes: number | null;
}

/** A held job as a signed-in user sees it: never the owner field of someone else. */
export interface HeldJob {
  readonly id: number;
  readonly title: string;
  readonly queue: string;
  readonly submittedAt: number;
  readonly pages: number | null;
  readonly copies: number;
  readonly color: boolean | null;
  readonly sizeBytes: number | null;
}

export function heldJobView(job: PrintJob): HeldJob {
  return {
    id: job.id,
    title: job.title,
    queue: job.queue,
    submittedAt: job.submittedAt,
    pages: job.pages,
    copies: job.copies,
    color: job.color,
    sizeBytes: job.sizeBytes,
  };
}

/** What happened to one job the user named. */
export type JobOutcome =
  | { readonly jobId: number; readonly outcome: 'released' | 'deleted' }
  /** The user's job, but no longer held (printed, cancelled or expired meanwhile). */
  | { readonly jobId: number; readonly outcome: 'already-gone' }
  /** Unknown, someone else's, or not on this kiosk's printers: one answer for all three. */
  | { readonly jobId: number; readonly outcome: 'refused'; readonly reason: 'unknown-job' };
