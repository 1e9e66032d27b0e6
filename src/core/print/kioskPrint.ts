import type { Result } from '../result.js';
import type { HeldJob, JobOutcome } from './heldJob.js';
import type { JobSelection, PrintUnavailable, PrintUser } from './heldJobs.js';
import type { PrinterCondition } from './printerCondition.js';
import type { PrintNotConfigured } from './printSetup.js';

export type PrintRefusal = PrintUnavailable | PrintNotConfigured;

export interface KioskJobList {
  readonly jobs: readonly HeldJob[];
  /** The release printer's queue name, for "Sent to PRINTER". */
  readonly printer: string;
}

export interface KioskJobAction {
  readonly outcomes: readonly JobOutcome[];
  /** Read before a release (null for delete): the printer's state in words. */
  readonly condition: PrinterCondition | null;
  /** The release printer's queue name, for "Sent to PRINTER". */
  readonly printer: string;
}

/**
 * Port: print release for the user signed in at this kiosk, whoever talks to CUPS. A standalone
 * kiosk does it itself (src/host/print/localPrint.ts); an enrolled kiosk asks its central store
 * (src/sync/centralPrintClient.ts), which holds the servers and credentials.
 */
export interface KioskPrint {
  list(user: PrintUser): Promise<Result<KioskJobList, PrintRefusal>>;
  release(user: PrintUser, selection: JobSelection): Promise<Result<KioskJobAction, PrintRefusal>>;
  delete(user: PrintUser, selection: JobSelection): Promise<Result<KioskJobAction, PrintRefusal>>;
}
