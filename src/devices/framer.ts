/**
 * A framer turns the bytes a reader sends into records (readers.md §1.5, §2.3). Chunk boundaries
 * mean nothing: serial reads split and merge frames arbitrarily, so framers keep state between
 * pushes, and that state is bounded so noise never grows memory.
 */
export type FramerOutput =
  /** A well-formed record; `text` is what the pipeline converts. */
  | { readonly kind: 'record'; readonly text: string; readonly frame: Uint8Array }
  /** A frame that started but was malformed; never a card. */
  | { readonly kind: 'rejected'; readonly reason: string; readonly frame: Uint8Array }
  /** Bytes outside any frame, skipped (at most NOISE_PREVIEW of them kept for display). */
  | { readonly kind: 'noise'; readonly count: number; readonly bytes: Uint8Array };

export interface Framer {
  /** `at` is a monotonic millisecond clock reading, used by framers that end records on silence. */
  push(chunk: Uint8Array, at: number): FramerOutput[];
  /** Called after `silenceMs` without data: ends a record for readers that send no terminator. */
  idle(now: number): FramerOutput[];
  /** End of the byte stream (offline decoding, port closed): a pending partial frame is reported. */
  end(): FramerOutput[];
  /** Forget partial state (after a reconnect). */
  reset(): void;
  /** When set, the owner calls idle() once this many ms pass without data. */
  readonly silenceMs: number | undefined;
}

export const NOISE_PREVIEW = 32;

/** Collects skipped bytes during one push and reports them as a single noise output. */
export class NoiseCollector {
  private count = 0;
  private readonly preview: number[] = [];

  add(byte: number): void {
    this.count++;
    if (this.preview.length < NOISE_PREVIEW) this.preview.push(byte);
  }

  drainInto(outputs: FramerOutput[]): void {
    if (this.count === 0) return;
    outputs.push({ kind: 'noise', count: this.count, bytes: Uint8Array.from(this.preview) });
    this.count = 0;
    this.preview.length = 0;
  }
}

export function isPrintableAscii(byte: number): boolean {
  return byte >= 0x20 && byte <= 0x7e;
}

export function bytesToHex(bytes: Uint8Array, separator = ' '): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(separator);
}

/** Parses "02 30 31", "023031", "02:30:31" (any whitespace, colons or dashes between bytes). */
export function hexToBytes(text: string): Uint8Array | undefined {
  const compact = text.replace(/[\s:,-]/g, '').replace(/^0x/i, '');
  if (compact.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(compact)) return undefined;
  return Uint8Array.from(compact.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

/** Bytes as one character each (records are short and bounded, so the spread is safe). */
export function asciiOf(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}
