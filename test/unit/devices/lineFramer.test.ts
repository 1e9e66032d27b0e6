import { LineFramer } from '../../../src/devices/lineFramer.js';
import type { FramerOutput } from '../../../src/devices/framer.js';
import { convertWithPipeline } from '../../../src/devices/pipeline.js';
import { READER_PRESETS } from '../../../src/devices/readerPresets.js';
import { bytes } from '../../support/devicesFixtures.js';

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const records = (outputs: FramerOutput[]) => outputs.flatMap((o) => (o.kind === 'record' ? [o.text] : []));
const rejections = (outputs: FramerOutput[]) => outputs.flatMap((o) => (o.kind === 'rejected' ? [o.reason] : []));

describe('line framer (readers.md §1.2, §1.3, §1.6)', () => {
  it('S-01: the TWN4 CDC preset turns 30 34 41 32 33 43 31 41 0D into 04A23C1A', () => {
    const framer = READER_PRESETS['twn4-cdc'].createFramer();
    const [record] = records(framer.push(bytes('30 34 41 32 33 43 31 41 0D'), 0));
    expect(record).toBe('04A23C1A');
    expect(convertWithPipeline(READER_PRESETS['twn4-cdc'].defaultPipeline, '04a23c1a')).toEqual({ ok: true, value: '04A23C1A' });
  });

  it('the TWN4 preset rejects a line that is not hex, such as a TWN3 version banner', () => {
    const framer = READER_PRESETS['twn4-cdc'].createFramer();
    expect(rejections(framer.push(ascii('ELA GM4.02\r'), 0))).toEqual(['record "ELA GM4.02" is not hexadecimal']);
  });

  it('by default ends records at CR, LF or CRLF without empty records between', () => {
    const framer = new LineFramer();
    expect(records(framer.push(ascii('111\r222\n333\r\n444\r\n'), 0))).toEqual(['111', '222', '333', '444']);
  });

  it('reads Parallax 28140 frames (LF, 10 hex, CR; readers.md §1.5) with the default line settings', () => {
    const framer = new LineFramer();
    const outputs = framer.push(ascii('\n010063E9AE\r\n010063E9AE\r'), 0);
    expect(records(outputs)).toEqual(['010063E9AE', '010063E9AE']);
    expect(rejections(outputs)).toEqual([]);
  });

  it('keeps a CRLF split across reads as one terminator', () => {
    const framer = new LineFramer();
    expect(records([...framer.push(ascii('0000123478\r'), 0), ...framer.push(ascii('\n0000123479\r\n'), 0)])).toEqual([
      '0000123478', '0000123479',
    ]);
  });

  it('with terminator crlf, a lone CR is not an ending and makes the record invalid', () => {
    const framer = new LineFramer({ terminator: 'crlf' });
    expect(records(framer.push(ascii('12\r34\r\n56\r\n'), 0))).toEqual(['56']);
  });

  it('with terminator lf, the S4A converter line 0000123478 CR LF is rejected for its CR (wrong setting shows)', () => {
    const framer = new LineFramer({ terminator: 'lf' });
    expect(rejections(framer.push(bytes('30 30 30 30 31 32 33 34 37 38 0D 0A'), 0))).toEqual(['non-printable byte 0x0D in record']);
  });

  it('strips a configured prefix and suffix, and rejects lines without them', () => {
    const framer = new LineFramer({ prefix: ';', suffix: '?' });
    const outputs = framer.push(ascii(';123456?\r123456\r'), 0);
    expect(records(outputs)).toEqual(['123456']);
    expect(rejections(outputs)).toEqual(['record does not start with the prefix ";"']);
  });

  it('bounds its buffer: an endless line is rejected once and memory stays at maxLength', () => {
    const framer = new LineFramer({ maxLength: 16 });
    for (let i = 0; i < 1000; i++) expect(framer.push(ascii('A'.repeat(100)), 0)).toEqual([]);
    expect(rejections(framer.push(ascii('\r42\r'), 0))).toEqual(['record longer than 16 bytes (100000)']);
  });

  it('ends a record on silence when configured for readers without terminator', () => {
    const framer = new LineFramer({ silenceMs: 100 });
    framer.push(ascii('7B11D7'), 1000);
    expect(framer.idle(1050)).toEqual([]);
    expect(records(framer.idle(1100))).toEqual(['7B11D7']);
  });

  it('a silence timer firing exactly at the deadline ends the record despite rounding', () => {
    const at = 128.29999999999998; // (at + 150) - at === 149.99999999999997
    const framer = new LineFramer({ silenceMs: 150 });
    framer.push(ascii('7B11D7'), at);
    expect(records(framer.idle(at + 150))).toEqual(['7B11D7']);
  });

  it('reports an unterminated record at the end of input', () => {
    const framer = new LineFramer();
    framer.push(ascii('04A23C1A'), 0);
    expect(rejections(framer.end())).toEqual(['incomplete record at end of input (no terminator)']);
  });
});
