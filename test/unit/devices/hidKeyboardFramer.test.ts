import { HidKeyboardFramer } from '../../../src/devices/hidKeyboardFramer.js';
import type { FramerOutput } from '../../../src/devices/framer.js';
import { bytes, loadReportFixture } from '../../support/devicesFixtures.js';

// No HID device and no virtual HID (/dev/uhid, /dev/uinput) exists on these machines, so the
// decoder is tested on report fixtures (test/fixtures/devices/*.jsonl) written from readers.md §6.2.

const records = (outputs: FramerOutput[]) => outputs.flatMap((o) => (o.kind === 'record' ? [o.text] : []));

function replay(name: string, framer = new HidKeyboardFramer()): FramerOutput[] {
  const outputs: FramerOutput[] = [];
  let last = 0;
  for (const report of loadReportFixture(name)) {
    // Between reports, the owner calls idle() as a silence timer would.
    outputs.push(...framer.idle(report.t), ...framer.push(report.bytes, report.t));
    last = report.t;
  }
  outputs.push(...framer.idle(last + 1000));
  return outputs;
}

describe('HID boot keyboard decoding (readers.md §2)', () => {
  it('K-01: one key per report, a release report between, Enter ends: 0006547886', () => {
    expect(records(replay('k01-boot-decimal.jsonl'))).toEqual(['0006547886']);
  });

  it('K-02: LShift in the modifier byte types capitals: 04A23C1A', () => {
    expect(records(replay('k02-boot-shift-hex.jsonl'))).toEqual(['04A23C1A']);
  });

  it('report-ID prefixed reports, keypad digits, rollover and idle repeats, another collection, Keypad Enter: 123456', () => {
    const framer = new HidKeyboardFramer({ reportId: 0x01 });
    expect(records(replay('k03-report-id-keypad.jsonl', framer))).toEqual(['123456']);
  });

  it('records of a reader without Enter end after silence', () => {
    expect(records(replay('k04-silence-ends-record.jsonl'))).toEqual(['4711', '0815']);
  });

  it('a silence timer firing exactly at the deadline ends the record, whatever the clock reading', () => {
    // 128.29999999999998 + 150 - 128.29999999999998 is 149.99999999999997: a difference check lost this record.
    const at = 128.29999999999998;
    const framer = new HidKeyboardFramer();
    for (const report of loadReportFixture('k04-silence-ends-record.jsonl').slice(0, 7)) framer.push(report.bytes, at);
    expect(records(framer.idle(at + framer.silenceMs))).toEqual(['4711']);
  });

  it('decodes concatenated reports by report size, as decode --report-size does', () => {
    const all = loadReportFixture('k02-boot-shift-hex.jsonl').flatMap((r) => Array.from(r.bytes));
    const framer = new HidKeyboardFramer({ reportSize: 8 });
    expect(records([...framer.push(Uint8Array.from(all.slice(0, 13)), 0), ...framer.push(Uint8Array.from(all.slice(13)), 0), ...framer.end()])).toEqual(['04A23C1A']);
  });

  it('decodes by state change: two keys held in one report type both, holding them types nothing more', () => {
    const framer = new HidKeyboardFramer({ reportSize: 8 });
    const outputs = framer.push(bytes(
      '00 00 1e 1f 00 00 00 00' + // 1 and 2 pressed together
      '00 00 1e 1f 00 00 00 00' + // unchanged (idle rate)
      '00 00 1f 00 00 00 00 00' + // 1 released
      '00 00 1f 20 00 00 00 00' + // 3 pressed while 2 held
      '00 00 28 00 00 00 00 00',
    ), 0);
    expect(records(outputs)).toEqual(['123']);
  });

  it('RShift (0x20) also shifts, and ErrorRollOver reports do not type or reset state', () => {
    const framer = new HidKeyboardFramer({ reportSize: 8 });
    const outputs = framer.push(bytes(
      '20 00 04 00 00 00 00 00' + // A
      '00 00 01 01 01 01 01 01' + // rollover phantom: ignored
      '20 00 04 00 00 00 00 00' + // still A held: not typed again
      '00 00 00 00 00 00 00 00' +
      '00 00 05 00 00 00 00 00' + // b
      '00 00 58 00 00 00 00 00', // Keypad Enter
    ), 0);
    expect(records(outputs)).toEqual(['Ab']);
  });

  it('ignores usages that type nothing (F1, arrows) and rejects an over-long record', () => {
    const framer = new HidKeyboardFramer({ reportSize: 8, maxLength: 3 });
    const key = (usage: string) => `00 00 ${usage} 00 00 00 00 00 00 00 00 00 00 00 00 00`;
    const outputs = framer.push(bytes([key('3a'), key('4f'), key('1e'), key('1f'), key('20'), key('21'), key('28')].join(' ')), 0);
    expect(outputs).toEqual([{ kind: 'rejected', reason: 'record longer than 3 characters', frame: bytes('31 32 33') }]);
  });

  it('reports trailing bytes that do not make a whole report', () => {
    const framer = new HidKeyboardFramer({ reportSize: 8 });
    framer.push(bytes('00 00 1e 00 00'), 0);
    expect(framer.end()).toEqual([{ kind: 'rejected', reason: '5 trailing bytes do not make a whole report', frame: bytes('00 00 1e 00 00') }]);
  });
});
