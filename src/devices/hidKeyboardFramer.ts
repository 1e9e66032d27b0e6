import { type Framer, type FramerOutput } from './framer.js';
import { ENTER_CODES, characterForCode, codeForUsage } from './keyboardWedgeKeys.js';

export interface HidKeyboardFramerOptions {
  /** Bytes per report: 8 (boot report) or 9 (report-ID byte first). Undefined: one report per push, 8 or 9 by its length. */
  readonly reportSize?: 8 | 9;
  /** With report IDs, only reports with this ID are keyboard reports (others come from other collections). */
  readonly reportId?: number;
  /** A record also ends after this much silence (readers configured without Enter). Default 150 ms (readers.md §2.4). */
  readonly silenceMs?: number;
  /** `KeyboardEvent.code`s that end a record. Default Enter and NumpadEnter. */
  readonly terminators?: readonly string[];
  /** Longer records are rejected. Default 64. */
  readonly maxLength?: number;
}

const LEFT_OR_RIGHT_SHIFT = 0x22;

/**
 * Boot keyboard reports → records (readers.md §2.1–2.3): keys are decoded by state change (a key
 * counts when it appears, so idle-rate repeats of an unchanged report type nothing), rollover and
 * error usages 0x01–0x03 are ignored keeping the previous state, Shift comes from the modifier
 * byte, and characters come from usage IDs through the US table (layout-independent).
 */
export class HidKeyboardFramer implements Framer {
  readonly silenceMs: number;
  private readonly terminators: ReadonlySet<string>;
  private readonly maxLength: number;
  private pressed: number[] = [];
  private text = '';
  private overflow = false;
  private lastAt = 0;
  private partial: number[] = [];

  constructor(private readonly options: HidKeyboardFramerOptions = {}) {
    this.silenceMs = options.silenceMs ?? 150;
    this.terminators = new Set(options.terminators ?? ENTER_CODES);
    this.maxLength = options.maxLength ?? 64;
  }

  push(chunk: Uint8Array, at: number): FramerOutput[] {
    const outputs: FramerOutput[] = [];
    this.lastAt = at;
    const size = this.options.reportSize;
    if (size === undefined) {
      this.report(chunk, chunk.length === 9, outputs);
      return outputs;
    }
    let bytes = chunk;
    if (this.partial.length > 0) {
      bytes = new Uint8Array(this.partial.length + chunk.length);
      bytes.set(this.partial);
      bytes.set(chunk, this.partial.length);
    }
    let offset = 0;
    for (; offset + size <= bytes.length; offset += size) this.report(bytes.subarray(offset, offset + size), size === 9, outputs);
    this.partial = Array.from(bytes.subarray(offset));
    return outputs;
  }

  idle(now: number): FramerOutput[] {
    const outputs: FramerOutput[] = [];
    // Compare against the deadline, not the difference: the owner's timer passes `lastAt + silenceMs`,
    // and `(at + 150) - at` can be 149.99999999999997 in floating point, which would lose the record.
    if (now >= this.lastAt + this.silenceMs) this.finish(outputs);
    return outputs;
  }

  end(): FramerOutput[] {
    const outputs: FramerOutput[] = [];
    this.finish(outputs);
    if (this.partial.length > 0) {
      outputs.push({ kind: 'rejected', reason: `${this.partial.length} trailing bytes do not make a whole report`, frame: Uint8Array.from(this.partial) });
      this.partial = [];
    }
    return outputs;
  }

  reset(): void {
    this.pressed = [];
    this.text = '';
    this.overflow = false;
    this.partial = [];
  }

  private report(raw: Uint8Array, hasReportId: boolean, outputs: FramerOutput[]): void {
    if (hasReportId && this.options.reportId !== undefined && raw[0] !== this.options.reportId) return;
    const report = hasReportId ? raw.subarray(1) : raw;
    if (report.length < 8) {
      outputs.push({ kind: 'noise', count: raw.length, bytes: Uint8Array.from(raw) });
      return;
    }
    const keys: number[] = [];
    for (let i = 2; i < 8; i++) {
      const usage = report[i]!;
      if (usage === 0) continue;
      if (usage <= 0x03) return; // ErrorRollOver/POSTFail/ErrorUndefined: keep the previous state
      keys.push(usage);
    }
    const shift = (report[0]! & LEFT_OR_RIGHT_SHIFT) !== 0;
    const newlyPressed = keys.filter((k) => !this.pressed.includes(k));
    this.pressed = keys;
    for (const usage of newlyPressed) {
      const code = codeForUsage(usage);
      if (code === undefined) continue; // F-keys, arrows, modifiers as usages: type nothing
      if (this.terminators.has(code)) {
        this.finish(outputs);
        continue;
      }
      const character = characterForCode(code, shift);
      if (character === undefined) continue;
      if (this.text.length < this.maxLength) this.text += character;
      else this.overflow = true;
    }
  }

  private finish(outputs: FramerOutput[]): void {
    const { text, overflow } = this;
    this.text = '';
    this.overflow = false;
    if (text === '') return;
    const frame = Uint8Array.from(text, (c) => c.charCodeAt(0));
    outputs.push(
      overflow
        ? { kind: 'rejected', reason: `record longer than ${this.maxLength} characters`, frame }
        : { kind: 'record', text, frame },
    );
  }
}
