/**
 * One interface for every reader channel (readers.md §0): serial, raw HID, and (in the renderer)
 * the keyboard wedge. The host subscribes to `card` for logins, to `status` for the reader
 * indicator, and to `record` for the technician's live view.
 */
export interface CardRead {
  /** The reader's id (its configured name, else its port path or VID:PID). */
  readonly reader: string;
  /** The record as the reader framed it, before the pipeline (e.g. `010063E9AE`). */
  readonly raw: string;
  /** The Card/ID number after the reader's pipeline. */
  readonly cardNumber: string;
  /** Wall-clock ms (Date.now()). */
  readonly at: number;
}

export type ReaderStatus = 'connected' | 'disconnected' | 'error';

export interface ReaderStatusEvent {
  readonly reader: string;
  readonly status: ReaderStatus;
  /** Why, for disconnected/error (e.g. "bad file descriptor", "No such file or directory"). */
  readonly message?: string;
  readonly at: number;
}

export type RecordVerdict = 'card' | 'duplicate' | 'rejected' | 'noise';

/** Everything a reader sent, accepted or not, for the live view. */
export interface ReaderRecordEvent {
  readonly reader: string;
  readonly at: number;
  readonly verdict: RecordVerdict;
  /** The received bytes of the frame (noise: the first few skipped bytes), upper-case hex. */
  readonly frameHex: string;
  /** The record text, when the framer accepted the frame. */
  readonly raw?: string;
  /** The Card/ID number, for card and duplicate. */
  readonly cardNumber?: string;
  /** Why it was rejected: the framer's reason, or the failing pipeline step. */
  readonly reason?: string;
  /** Skipped bytes, for noise. */
  readonly count?: number;
}

export interface CardSourceEvents {
  card: CardRead;
  status: ReaderStatusEvent;
  record: ReaderRecordEvent;
}

export interface CardSource {
  readonly reader: string;
  readonly status: ReaderStatus;
  /** Returns a function that removes the listener. */
  on<E extends keyof CardSourceEvents>(event: E, listener: (payload: CardSourceEvents[E]) => void): () => void;
  /** Opens the reader and keeps it open: unplug and replug are recovered until stop(). */
  start(): void;
  stop(): Promise<void>;
}

/** A small typed emitter, so listeners get typed payloads and one throwing listener cannot break a reader. */
export class CardSourceEmitter {
  private readonly listeners: { [E in keyof CardSourceEvents]: Set<(payload: CardSourceEvents[E]) => void> } = {
    card: new Set(), status: new Set(), record: new Set(),
  };

  on<E extends keyof CardSourceEvents>(event: E, listener: (payload: CardSourceEvents[E]) => void): () => void {
    const set = this.listeners[event] as Set<(payload: CardSourceEvents[E]) => void>;
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<E extends keyof CardSourceEvents>(event: E, payload: CardSourceEvents[E]): void {
    for (const listener of this.listeners[event] as Set<(payload: CardSourceEvents[E]) => void>) {
      try {
        listener(payload);
      } catch {
        // A faulty subscriber must not stop card reading for the others.
      }
    }
  }
}
