import type { LiveRecord } from '../../../src/contract/index.js';

/** The frame's bytes as ASCII: printable characters as they are, everything else as a middle dot. */
export function asciiOfHex(frameHex: string): string {
  const bytes = frameHex.split(/\s+/).filter((pair) => /^[0-9A-Fa-f]{2}$/.test(pair));
  return bytes
    .map((pair) => {
      const code = parseInt(pair, 16);
      return code >= 0x20 && code <= 0x7e ? String.fromCharCode(code) : '·';
    })
    .join('');
}

export const LIVE_VIEW_SIZE = 20;

/** Newest first, the last LIVE_VIEW_SIZE of one reader (or of all readers when readerId is null). */
export function recordsOf(records: readonly LiveRecord[], readerId: string | null): LiveRecord[] {
  return records
    .filter((r) => readerId === null || r.readerId === readerId)
    .slice(-LIVE_VIEW_SIZE)
    .reverse();
}

/** Accepted frames' record text, newest first and without repeats: what the pipeline preview converts. */
export function sampleRaws(records: readonly LiveRecord[], readerId: string | null, max = 8): string[] {
  const raws: string[] = [];
  for (const record of recordsOf(records, readerId)) {
    if (record.raw !== null && !raws.includes(record.raw)) raws.push(record.raw);
    if (raws.length >= max) break;
  }
  return raws;
}

/** Keeps the store bounded: at most LIVE_VIEW_SIZE records per reader, in arrival order. */
export function appendRecord(records: readonly LiveRecord[], record: LiveRecord): LiveRecord[] {
  if (records.some((r) => r.seq === record.seq)) return [...records];
  const next = [...records, record].sort((a, b) => a.seq - b.seq);
  const sameReader = next.filter((r) => r.readerId === record.readerId);
  if (sameReader.length <= LIVE_VIEW_SIZE) return next;
  const drop = new Set(sameReader.slice(0, sameReader.length - LIVE_VIEW_SIZE).map((r) => r.seq));
  return next.filter((r) => !drop.has(r.seq));
}
