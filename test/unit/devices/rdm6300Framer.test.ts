import { Rdm6300Framer, encodeRdm6300Frame } from '../../../src/devices/rdm6300Framer.js';
import type { FramerOutput } from '../../../src/devices/framer.js';
import { convertWithPipeline } from '../../../src/devices/pipeline.js';
import { READER_PRESETS } from '../../../src/devices/readerPresets.js';
import { bytes } from '../../support/devicesFixtures.js';

function feed(chunks: string[]): FramerOutput[] {
  const framer = new Rdm6300Framer();
  return [...chunks.flatMap((chunk) => framer.push(bytes(chunk), 0)), ...framer.end()];
}

const records = (outputs: FramerOutput[]) => outputs.flatMap((o) => (o.kind === 'record' ? [o.text] : []));
const rejections = (outputs: FramerOutput[]) => outputs.flatMap((o) => (o.kind === 'rejected' ? [o.reason] : []));
const cardNumber = (record: string) => {
  const result = convertWithPipeline(READER_PRESETS.rdm6300.defaultPipeline, record);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('rdm6300 framer (readers.md §1.5)', () => {
  it('EM-01: decodes the Arduino forum frame to ID 010063E9AE and card number 0006547886', () => {
    const outputs = feed(['02 30 31 30 30 36 33 45 39 41 45 32 35 03']);
    expect(records(outputs)).toEqual(['010063E9AE']);
    expect(cardNumber('010063E9AE')).toBe('0006547886');
  });

  it('EM-01: its W26 view is 099,59822 through a pipeline', () => {
    const fc = convertWithPipeline('substr:4:2|hex2dec|pad:3', '010063E9AE');
    const cn = convertWithPipeline('substr:-4|hex2dec|pad:5', '010063E9AE');
    expect([fc, cn]).toEqual([{ ok: true, value: '099' }, { ok: true, value: '59822' }]);
  });

  it('EM-07: drops a frame whose checksum does not match and says why', () => {
    const outputs = feed(['02 31 30 30 30 32 36 46 34 34 34 32 36 03']);
    expect(records(outputs)).toEqual([]);
    expect(rejections(outputs)).toEqual(['checksum mismatch: frame says 26, bytes give 86']);
  });

  it('EM-10: reassembles two frames split across three reads after leading noise', () => {
    const outputs = feed([
      'FF 00 02 30 31',
      '30 30 36 33 45 39 41 45 32 35 03 02 31 30 30',
      '30 38 36 46 34 34 34 32 36 03',
    ]);
    expect(records(outputs).map(cardNumber)).toEqual(['0006547886', '0008844356']);
    expect(outputs.find((o) => o.kind === 'noise')).toMatchObject({ kind: 'noise', count: 2, bytes: bytes('FF 00') });
    expect(rejections(outputs)).toEqual([]);
  });

  it('accepts the ID-12LA variant with CR LF before ETX (datasheet example 0C 00 06 21 A5, checksum 8E)', () => {
    const frame = encodeRdm6300Frame('0C000621A5', 'id12la');
    expect(frame.length).toBe(16);
    expect(records(feed([Buffer.from(frame).toString('hex')]))).toEqual(['0C000621A5']);
  });

  it('an STX inside an unfinished frame rejects that frame and starts a new one', () => {
    const outputs = feed(['02 30 31 30 30', '02 30 31 30 30 36 33 45 39 41 45 32 35 03']);
    expect(rejections(outputs)).toEqual(['frame interrupted by a new STX before its ETX']);
    expect(records(outputs)).toEqual(['010063E9AE']);
  });

  it('rejects a frame with the wrong number of characters', () => {
    expect(rejections(feed(['02 30 31 30 30 36 33 45 39 41 45 32 03']))[0]).toMatch(/expected 12 hex characters/);
  });

  it('rejects non-hex characters between STX and ETX', () => {
    expect(rejections(feed(['02 30 31 30 30 36 33 45 39 41 5A 32 35 03']))[0]).toMatch(/expected 12 hex characters/);
  });

  it('compares the checksum case-insensitively', () => {
    expect(records(feed(['02 30 31 30 30 36 33 65 39 61 65 32 35 03']))).toEqual(['010063E9AE']);
  });

  it('bounds its buffer: a frame without ETX is dropped after 16 bytes and the framer resyncs', () => {
    const framer = new Rdm6300Framer();
    const outputs = framer.push(bytes('02' + ' 41'.repeat(40)), 0);
    expect(rejections(outputs)).toEqual(['no ETX within 16 bytes']);
    expect(outputs.find((o) => o.kind === 'noise')).toMatchObject({ count: 25 });
    expect(records(framer.push(encodeRdm6300Frame('010063E9AE'), 0))).toEqual(['010063E9AE']);
  });

  it('reports a partial frame at the end of input', () => {
    expect(rejections(feed(['02 30 31']))).toEqual(['incomplete frame at end of input']);
  });
});
