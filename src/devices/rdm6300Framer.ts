import { NoiseCollector, asciiOf, type Framer, type FramerOutput } from './framer.js';

const STX = 0x02;
const ETX = 0x03;
const CR = 0x0d;
const LF = 0x0a;
/** ID-12LA frames are the longest accepted: STX + 12 hex + CR LF + ETX. */
const MAX_FRAME = 16;

/**
 * EM4100 serial modules (readers.md §1.5): STX, 10 ASCII hex ID chars (D0 = version byte,
 * D1..D4 = the 32-bit ID), 2 ASCII hex chars of XOR(D0..D4), optional CR LF (ID-12LA), ETX.
 * The record text is the 10 ID chars in upper case; the preset's pipeline makes the printed number.
 */
export class Rdm6300Framer implements Framer {
  readonly silenceMs = undefined;
  private candidate: number[] | undefined;

  push(chunk: Uint8Array, _at?: number): FramerOutput[] {
    const outputs: FramerOutput[] = [];
    const noise = new NoiseCollector();
    for (const byte of chunk) {
      if (byte === STX) {
        noise.drainInto(outputs);
        if (this.candidate) outputs.push(this.reject('frame interrupted by a new STX before its ETX'));
        this.candidate = [byte];
        continue;
      }
      if (!this.candidate) {
        noise.add(byte);
        continue;
      }
      this.candidate.push(byte);
      if (byte === ETX) {
        outputs.push(this.finish(this.candidate));
        this.candidate = undefined;
      } else if (this.candidate.length >= MAX_FRAME) {
        outputs.push(this.reject(`no ETX within ${MAX_FRAME} bytes`));
      }
    }
    noise.drainInto(outputs);
    return outputs;
  }

  idle(): FramerOutput[] {
    return [];
  }

  end(): FramerOutput[] {
    return this.candidate ? [this.reject('incomplete frame at end of input')] : [];
  }

  reset(): void {
    this.candidate = undefined;
  }

  private reject(reason: string): FramerOutput {
    const frame = Uint8Array.from(this.candidate ?? []);
    this.candidate = undefined;
    return { kind: 'rejected', reason, frame };
  }

  private finish(bytes: number[]): FramerOutput {
    const frame = Uint8Array.from(bytes);
    let payload = bytes.slice(1, -1);
    if (payload.at(-1) === LF) payload = payload.slice(0, -1);
    if (payload.at(-1) === CR) payload = payload.slice(0, -1);
    const text = asciiOf(Uint8Array.from(payload));
    if (!/^[0-9A-Fa-f]{12}$/.test(text)) {
      return { kind: 'rejected', reason: `expected 12 hex characters between STX and ETX, got ${JSON.stringify(text)}`, frame };
    }
    let xor = 0;
    for (let i = 0; i < 10; i += 2) xor ^= parseInt(text.slice(i, i + 2), 16);
    const sent = parseInt(text.slice(10, 12), 16);
    if (xor !== sent) {
      const hex = (n: number) => n.toString(16).padStart(2, '0').toUpperCase();
      return { kind: 'rejected', reason: `checksum mismatch: frame says ${hex(sent)}, bytes give ${hex(xor)}`, frame };
    }
    return { kind: 'record', text: text.slice(0, 10).toUpperCase(), frame };
  }
}

/** The frame a module sends for a 10-hex-digit EM4100 ID (simulation, tests, benchmarks). */
export function encodeRdm6300Frame(id: string, variant: 'rdm6300' | 'id12la' = 'rdm6300'): Uint8Array {
  if (!/^[0-9A-Fa-f]{10}$/.test(id)) throw new Error(`an EM4100 ID is 10 hex digits, got ${JSON.stringify(id)}`);
  let xor = 0;
  for (let i = 0; i < 10; i += 2) xor ^= parseInt(id.slice(i, i + 2), 16);
  const body = id.toUpperCase() + xor.toString(16).padStart(2, '0').toUpperCase();
  const tail = variant === 'id12la' ? [CR, LF, ETX] : [ETX];
  return Uint8Array.from([STX, ...Array.from(body, (c) => c.charCodeAt(0)), ...tail]);
}
