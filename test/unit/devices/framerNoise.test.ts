import fc from 'fast-check';
import type { Framer, FramerOutput } from '../../../src/devices/framer.js';
import { HidKeyboardFramer } from '../../../src/devices/hidKeyboardFramer.js';
import { READER_PRESETS, type PresetName } from '../../../src/devices/readerPresets.js';
import { simulatedFrame } from '../../../src/devices/simulatedFrames.js';

// Property tests for every framer: arbitrary bytes never throw, and noise never yields a card that
// was not sent (readers.md §1.5 "robust to fragmentation/garbage").

const SERIAL_PRESETS: PresetName[] = ['rdm6300', 'twn4-cdc', 'line'];

const cardFor: Record<string, fc.Arbitrary<string>> = {
  rdm6300: fc.stringMatching(/^[0-9A-F]{10}$/),
  'twn4-cdc': fc.stringMatching(/^[0-9A-F]{8}$|^[0-9A-F]{14}$/),
  line: fc.stringMatching(/^[0-9A-Za-z;,=]{1,20}$/),
};

function frameOf(preset: PresetName, card: string): Uint8Array {
  const frame = simulatedFrame(preset, card);
  if (!frame.ok) throw new Error(frame.error);
  return frame.value;
}

/** Splits a byte stream at random points, as serial reads do. */
function split(stream: number[], cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const point of [...points, stream.length]) {
    chunks.push(Uint8Array.from(stream.slice(from, point)));
    from = point;
  }
  return chunks;
}

function run(framer: Framer, chunks: Uint8Array[]): FramerOutput[] {
  return [...chunks.flatMap((chunk, i) => framer.push(chunk, i)), ...framer.end()];
}

const accepted = (outputs: FramerOutput[]) => outputs.flatMap((o) => (o.kind === 'record' ? [o.text] : []));

/** True when `sub` appears in `list` in order (each sent card used at most once). */
function isSubsequence(sub: string[], list: string[]): boolean {
  let i = 0;
  for (const item of list) if (i < sub.length && sub[i] === item) i++;
  return i === sub.length;
}

/** Bytes that cannot be record content or terminators of a line reader: control and high bytes. */
const lineNoiseByte = fc.integer({ min: 0, max: 255 }).filter((b) => (b < 0x20 || b > 0x7e) && b !== 0x0d && b !== 0x0a);

describe('every framer under noise', () => {
  it.each([...SERIAL_PRESETS, 'hid-keyboard'] as PresetName[])('%s: arbitrary bytes in arbitrary chunks never throw', (preset) => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 20 }), (chunks) => {
        const framer = READER_PRESETS[preset].createFramer();
        expect(() => {
          run(framer, chunks);
          framer.idle(1e9);
        }).not.toThrow();
      }),
    );
  });

  it('rdm6300: frames with arbitrary noise between them, split anywhere, yield exactly the cards sent', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cardFor.rdm6300!, fc.uint8Array({ maxLength: 24 })), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (items, cuts) => {
          const stream = items.flatMap(([card, noise]) => [...noise, ...frameOf('rdm6300', card)]);
          const records = accepted(run(READER_PRESETS.rdm6300.createFramer(), split(stream, cuts)));
          expect(records).toEqual(items.map(([card]) => card));
        },
      ),
    );
  });

  it('rdm6300: noise inserted anywhere, even inside frames, never yields a card that was not sent', () => {
    fc.assert(
      fc.property(
        fc.array(cardFor.rdm6300!, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })), { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (cards, insertions, cuts) => {
          const stream = cards.flatMap((card) => [...frameOf('rdm6300', card)]);
          for (const [at, noise] of insertions) stream.splice(at % (stream.length + 1), 0, ...noise);
          const records = accepted(run(READER_PRESETS.rdm6300.createFramer(), split(stream, cuts)));
          expect(isSubsequence(records, cards)).toBe(true);
        },
      ),
    );
  });

  it.each(['twn4-cdc', 'line'] as PresetName[])(
    '%s: non-printable noise between records, split anywhere, never yields a card that was not sent',
    (preset) => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(cardFor[preset]!, fc.array(lineNoiseByte, { maxLength: 8 })), { minLength: 1, maxLength: 8 }),
          fc.array(fc.nat(), { maxLength: 10 }),
          (items, cuts) => {
            const stream = items.flatMap(([card, noise]) => [...frameOf(preset, card), ...noise]);
            const records = accepted(run(READER_PRESETS[preset].createFramer(), split(stream, cuts)));
            const cards = items.map(([card]) => card);
            expect(isSubsequence(records, cards)).toBe(true);
            // A record is only lost when noise landed right before it on its line.
            const clean = items.filter((_, i) => i === 0 || items[i - 1]![1].length === 0).length;
            expect(records.length).toBeGreaterThanOrEqual(clean);
          },
        ),
      );
    },
  );

  it('hid-keyboard: rollover, unmapped usages and repeated reports between keystrokes never change the record', () => {
    const usageOf = (c: string) => (c === '0' ? 0x27 : 0x1d + Number(c));
    const noiseReport = fc.oneof(
      fc.constant<number[]>([0, 0, 1, 1, 1, 1, 1, 1]),
      fc.integer({ min: 0x3a, max: 0x53 }).map((u) => [0, 0, u, 0, 0, 0, 0, 0]),
      fc.integer({ min: 0x68, max: 0xdf }).map((u) => [0, 0, u, 0, 0, 0, 0, 0]),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.stringMatching(/^[0-9]$/), fc.array(noiseReport, { maxLength: 3 }), fc.boolean()), { minLength: 1, maxLength: 12 }),
        (keys) => {
          const reports: number[][] = [];
          for (const [digit, noise, repeat] of keys) {
            const press = [0, 0, usageOf(digit), 0, 0, 0, 0, 0];
            reports.push(press);
            if (repeat) reports.push(press); // idle-rate repeat of an unchanged report
            reports.push([0, 0, 0, 0, 0, 0, 0, 0]);
            // Unmapped usages are pressed and released like keys; they type nothing.
            for (const report of noise) reports.push(report, [0, 0, 0, 0, 0, 0, 0, 0]);
          }
          reports.push([0, 0, 0x28, 0, 0, 0, 0, 0]);
          const framer = new HidKeyboardFramer();
          const outputs = reports.flatMap((r, i) => framer.push(Uint8Array.from(r), i));
          expect(accepted(outputs)).toEqual([keys.map(([digit]) => digit).join('')]);
        },
      ),
    );
  });
});
