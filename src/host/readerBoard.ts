import type { Logger } from 'pino';
import type { ReaderStatus } from '../contract/index.js';

type ReaderEntry = ReaderStatus['readers'][number];

/**
 * What the host needs of a reader: the `CardSource` of src/devices (serial, HID) fits as is.
 * Declared here structurally so the host names no driver.
 */
export interface HostCardSource {
  readonly reader: string;
  readonly status: 'connected' | 'disconnected' | 'error';
  on(event: 'card', listener: (read: { readonly reader: string; readonly cardNumber: string; readonly at: number }) => void): () => void;
  on(event: 'status', listener: (status: { readonly reader: string; readonly status: 'connected' | 'disconnected' | 'error'; readonly message?: string }) => void): () => void;
  start(): void;
  stop(): Promise<void>;
}

/** How the status bar names a reader. */
export interface ReaderInfo {
  readonly kind: 'serial' | 'hid';
  /** e.g. "RDM6300 on /dev/ttyUSB0"; the reader id when absent. */
  readonly label?: string;
}

export interface ReaderBoardDeps {
  readonly logger: Logger;
  readonly onStatus: () => void;
  readonly onCard: (read: { reader: string; kind: 'serial' | 'hid'; cardNumber: string; at: number }) => Promise<void>;
}

const STATE_OF = { connected: 'ready', disconnected: 'disconnected', error: 'error' } as const;

/** The host's readers: their status for the status bar, their cards into the session. */
export class ReaderBoard {
  private readonly entries = new Map<string, { source: HostCardSource; entry: ReaderEntry; offs: (() => void)[] }>();

  constructor(private readonly deps: ReaderBoardDeps) {}

  attach(source: HostCardSource, info: ReaderInfo): void {
    const kind = info.kind;
    const entry: ReaderEntry = { id: source.reader, label: info.label ?? source.reader, kind, state: STATE_OF[source.status] };
    const record = { source, entry, offs: [] as (() => void)[] };
    this.entries.set(source.reader, record);
    record.offs.push(
      source.on('status', (status) => {
        const { id, label, kind: entryKind } = record.entry;
        const state = STATE_OF[status.status];
        record.entry = status.message && state !== 'ready' ? { id, label, kind: entryKind, state, message: status.message } : { id, label, kind: entryKind, state };
        this.deps.logger.info({ reader: status.reader, status: status.status, message: status.message }, 'reader status');
        this.deps.onStatus();
      }),
      source.on('card', (read) => {
        // The card number is a credential: it is not logged.
        this.deps.onCard({ reader: read.reader, kind, cardNumber: read.cardNumber, at: read.at }).catch((error: unknown) => {
          this.deps.logger.error({ err: error, reader: read.reader }, 'a reader card could not be handled');
        });
      }),
    );
    source.start();
    this.deps.onStatus();
  }

  /** Stops one reader and forgets it (technician mode replacing a reader). */
  async detach(id: string): Promise<void> {
    const record = this.entries.get(id);
    if (!record) return;
    this.entries.delete(id);
    record.offs.forEach((off) => off());
    this.deps.onStatus();
    await record.source.stop();
  }

  list(): ReaderEntry[] {
    return [...this.entries.values()].map((r) => r.entry);
  }

  async stopAll(): Promise<void> {
    const all = [...this.entries.values()];
    this.entries.clear();
    for (const r of all) r.offs.forEach((off) => off());
    await Promise.all(all.map((r) => r.source.stop()));
  }
}
