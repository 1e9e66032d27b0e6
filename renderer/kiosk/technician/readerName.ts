import type { ReaderEntry } from '../../../src/contract/index.js';

/** A short name for buttons: the label, else the last part of the port path (or the VID:PID). */
export function readerName(entry: ReaderEntry): string {
  if (entry.label) return entry.label;
  const target = entry.path ?? entry.hid ?? entry.id;
  return target.split('/').filter(Boolean).pop() ?? target;
}
