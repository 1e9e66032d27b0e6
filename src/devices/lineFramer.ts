import { asciiOf, isPrintableAscii, type Framer, type FramerOutput } from './framer.js';

const CR = 0x0d;
const LF = 0x0a;

export type LineTerminator = 'any' | 'cr' | 'lf' | 'crlf';
export const LINE_TERMINATORS: readonly LineTerminator[] = ['any', 'cr', 'lf', 'crlf'];

export interface LineFramerOptions {
  /** 'any' (default): CR, LF or CRLF ends a record; RF IDeas' pushed terminator is not documented (readers.md §1.3). */
  readonly terminator?: LineTerminator;
  /** Required leading text, stripped from each record (e.g. a reader's configured prefix). */
  readonly prefix?: string;
  /** Required trailing text before the terminator, stripped. */
  readonly suffix?: string;
  /** Longer records are rejected and their bytes dropped, so noise never grows memory. Default 128. */
  readonly maxLength?: number;
  /** What a record must look like after stripping, with a description for rejections. */
  readonly content?: { readonly pattern: RegExp; readonly description: string };
  /** End a record after this much silence too (readers configured without a terminator). */
  readonly silenceMs?: number;
}

/** ASCII line readers: TWN4 CDC, RF IDeas CDC/RS-232, Wiegand→RS-232 converters (readers.md §1.2, §1.3, §1.6). */
export class LineFramer implements Framer {
  readonly silenceMs: number | undefined;
  private readonly terminator: LineTerminator;
  private readonly maxLength: number;
  /** Bytes of the current record; bounded by maxLength, beyond that only counted. */
  private readonly buffer: Uint8Array;
  private length = 0;
  private overflow = 0;
  private afterCr = false;
  private lastAt = 0;

  constructor(private readonly options: LineFramerOptions = {}) {
    this.terminator = options.terminator ?? 'any';
    this.maxLength = options.maxLength ?? 128;
    this.silenceMs = options.silenceMs;
    this.buffer = new Uint8Array(this.maxLength);
  }

  push(chunk: Uint8Array, at: number): FramerOutput[] {
    const outputs: FramerOutput[] = [];
    this.lastAt = at;
    for (const byte of chunk) {
      const afterCr = this.afterCr;
      this.afterCr = byte === CR;
      if (this.terminator === 'any' && (byte === CR || byte === LF)) {
        if (byte === LF && afterCr) continue; // the LF of a CRLF already ended by its CR
        this.finish(outputs);
      } else if (this.terminator === 'cr' && byte === CR) {
        this.finish(outputs);
      } else if (this.terminator === 'lf' && byte === LF) {
        this.finish(outputs);
      } else if (this.terminator === 'crlf' && byte === LF && afterCr) {
        if (this.overflow > 0) this.overflow--; // the CR that preceded
        else this.length--;
        this.finish(outputs);
      } else if (this.length < this.maxLength) {
        this.buffer[this.length++] = byte;
      } else {
        this.overflow++;
      }
    }
    return outputs;
  }

  idle(now: number): FramerOutput[] {
    const outputs: FramerOutput[] = [];
    // A deadline comparison, as in HidKeyboardFramer: a difference can fall short by rounding.
    if (this.silenceMs !== undefined && now >= this.lastAt + this.silenceMs) this.finish(outputs);
    return outputs;
  }

  end(): FramerOutput[] {
    if (this.length === 0) return [];
    const frame = this.buffer.slice(0, this.length);
    this.reset();
    return [{ kind: 'rejected', reason: 'incomplete record at end of input (no terminator)', frame }];
  }

  reset(): void {
    this.length = 0;
    this.overflow = 0;
    this.afterCr = false;
  }

  private finish(outputs: FramerOutput[]): void {
    const frame = this.buffer.slice(0, this.length);
    const overflow = this.overflow;
    this.length = 0;
    this.overflow = 0;
    if (frame.length === 0 && overflow === 0) return; // blank line
    outputs.push(this.check(frame, overflow));
  }

  private check(frame: Uint8Array, overflow: number): FramerOutput {
    const reject = (reason: string): FramerOutput => ({ kind: 'rejected', reason, frame });
    if (overflow > 0) return reject(`record longer than ${this.maxLength} bytes (${frame.length + overflow})`);
    const bad = frame.find((b) => !isPrintableAscii(b));
    if (bad !== undefined) return reject(`non-printable byte 0x${bad.toString(16).padStart(2, '0').toUpperCase()} in record`);
    let text = asciiOf(frame);
    const { prefix, suffix, content } = this.options;
    if (prefix) {
      if (!text.startsWith(prefix)) return reject(`record does not start with the prefix ${JSON.stringify(prefix)}`);
      text = text.slice(prefix.length);
    }
    if (suffix) {
      if (!text.endsWith(suffix)) return reject(`record does not end with the suffix ${JSON.stringify(suffix)}`);
      text = text.slice(0, text.length - suffix.length);
    }
    if (text === '') return reject('record is empty after stripping prefix and suffix');
    if (content && !content.pattern.test(text)) return reject(`record ${JSON.stringify(text)} is not ${content.description}`);
    return { kind: 'record', text, frame };
  }
}
