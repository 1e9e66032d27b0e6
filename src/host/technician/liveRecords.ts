import type { LiveRecord } from '../../contract/index.js';
import type { SourceRecord } from './technicianPorts.js';

/** The live view keeps this many records per reader (the "last 20 reads"). */
export const LIVE_RECORDS_PER_READER = 20;

/** The last records of each reader, numbered in arrival order so the screen can merge and sort them. */
export class LiveRecords {
  private readonly byReader = new Map<string, LiveRecord[]>();
  private seq = 0;

  add(record: SourceRecord): LiveRecord {
    const live: LiveRecord = {
      seq: this.seq++,
      readerId: record.reader,
      at: Math.trunc(record.at),
      verdict: record.verdict,
      frameHex: record.frameHex,
      raw: record.raw ?? null,
      cardNumber: record.cardNumber ?? null,
      reason: record.reason ?? null,
      count: record.count ?? null,
    };
    const list = this.byReader.get(record.reader) ?? [];
    list.push(live);
    if (list.length > LIVE_RECORDS_PER_READER) list.splice(0, list.length - LIVE_RECORDS_PER_READER);
    this.byReader.set(record.reader, list);
    return live;
  }

  /** Oldest first, across readers. */
  all(): LiveRecord[] {
    return [...this.byReader.values()].flat().sort((a, b) => a.seq - b.seq);
  }

  forget(readerId: string): void {
    this.byReader.delete(readerId);
  }

  /** Card numbers are credentials: nothing of them is kept once technician mode ends. */
  clear(): void {
    this.byReader.clear();
  }
}
