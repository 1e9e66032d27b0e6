/// <reference path="./sealsystemsIpp.d.ts" />
import type { IppGroup } from '@sealsystems/ipp';
import type { PrintJob, PrintJobState } from '../core/index.js';
import type { PrinterStatus } from '../core/index.js';

/** The job attributes every listing asks for: enough for the list, the rules and the audit row. */
export const JOB_ATTRIBUTES = [
  'job-id',
  'job-name',
  'job-originating-user-name',
  'job-state',
  'job-printer-uri',
  'time-at-creation',
  'job-impressions',
  'job-media-sheets',
  'copies',
  'print-color-mode',
  'job-k-octets',
] as const;

export const PRINTER_ATTRIBUTES = ['printer-name', 'printer-state', 'printer-state-reasons'] as const;

const JOB_STATES: readonly PrintJobState[] = ['pending', 'pending-held', 'processing', 'processing-stopped', 'canceled', 'aborted', 'completed'];

/** A response group is one object for one entry and an array for several; absent for none. */
export function groupsOf(group: IppGroup | IppGroup[] | undefined): IppGroup[] {
  if (group === undefined) return [];
  return Array.isArray(group) ? group : [group];
}

const integer = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const text = (value: unknown): string => (Array.isArray(value) ? String(value[0] ?? '') : typeof value === 'string' ? value : value === undefined ? '' : String(value));

/** The queue (CUPS printer name) at the end of ipp://host/printers/NAME. */
export function queueFromPrinterUri(uri: string): string {
  const slash = uri.lastIndexOf('/');
  return decodeURIComponent(uri.slice(slash + 1));
}

export function printJobFromIpp(group: IppGroup): PrintJob | undefined {
  const id = integer(group['job-id']);
  const state = text(group['job-state']) as PrintJobState;
  if (id === null || !JOB_STATES.includes(state)) return undefined;
  const created = integer(group['time-at-creation']);
  const impressions = integer(group['job-impressions']);
  const sheets = integer(group['job-media-sheets']);
  const colorMode = text(group['print-color-mode']);
  const kOctets = integer(group['job-k-octets']);
  return {
    id,
    queue: queueFromPrinterUri(text(group['job-printer-uri'])),
    owner: text(group['job-originating-user-name']),
    title: text(group['job-name']),
    state,
    // CUPS's time-at-creation is seconds since the epoch (RFC 8011 allows printer up-time; CUPS uses the clock).
    submittedAt: created === null ? 0 : created * 1000,
    pages: impressions ?? sheets,
    copies: integer(group['copies']) ?? 1,
    color: colorMode === 'color' ? true : colorMode === 'monochrome' || colorMode === 'bi-level' ? false : null,
    sizeBytes: kOctets === null ? null : kOctets * 1024,
  };
}

export function printerStatusFromIpp(group: IppGroup, fallbackQueue: string): PrinterStatus {
  const state = text(group['printer-state']);
  const reasons = group['printer-state-reasons'];
  return {
    queue: text(group['printer-name']) || fallbackQueue,
    state: state === 'processing' || state === 'stopped' ? state : 'idle',
    reasons: (Array.isArray(reasons) ? reasons : reasons === undefined ? [] : [reasons]).map(String),
  };
}
