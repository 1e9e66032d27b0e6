import type { LiveRecord } from '../../../src/contract/index.js';
import {
  draftText, moveStep, parseDraft, previewDraft, removeStep, replaceStep, substrArg, substrParts, wiegandArg, wiegandFieldChoices, wiegandParts,
  WIEGAND_FORMATS,
} from '../../../renderer/kiosk/technician/pipelineDraft.js';
import { appendRecord, asciiOfHex, recordsOf, sampleRaws } from '../../../renderer/kiosk/technician/recordView.js';

describe('pipeline editor draft', () => {
  it('round-trips a pipeline through its steps, regex groups included', () => {
    const text = 'regex:^(?:A|B)(\\d+)|reverse-bytes|hex2dec|pad:10';
    const steps = parseDraft(text);
    expect(steps.map((s) => s.name)).toEqual(['regex', 'reverse-bytes', 'hex2dec', 'pad']);
    expect(draftText(steps)).toBe(text);
    expect(parseDraft('')).toEqual([]);
  });

  it('moves, replaces and removes steps without touching the others', () => {
    const steps = parseDraft('hex2dec|reverse-bytes|pad:10');
    expect(draftText(moveStep(steps, 1, -1))).toBe('reverse-bytes|hex2dec|pad:10');
    expect(draftText(moveStep(steps, 0, -1))).toBe('hex2dec|reverse-bytes|pad:10');
    expect(draftText(replaceStep(steps, 2, { name: 'pad', arg: '12' }))).toBe('hex2dec|reverse-bytes|pad:12');
    expect(draftText(removeStep(steps, 0))).toBe('reverse-bytes|pad:10');
  });

  it('edits substr and wiegand arguments through their parts', () => {
    expect(substrParts({ name: 'substr', arg: '-8:4' })).toEqual({ start: -8, length: 4 });
    expect(substrArg(2, null)).toBe('2');
    expect(wiegandParts({ name: 'wiegand', arg: 'h10301' })).toEqual({ format: 'h10301', field: 'both' });
    expect(wiegandArg('c1k35', 'facility')).toBe('c1k35:facility');
  });

  it('offers only the card field for h10302 (no facility), so switching to it never writes a refused step', () => {
    expect(wiegandFieldChoices('h10302')).toEqual(['card']);
    expect(wiegandFieldChoices('h10304')).toEqual(['card', 'facility', 'both']);
    expect(wiegandArg('h10302', 'facility')).toBe('h10302:card');
    expect(wiegandArg('h10302', 'both')).toBe('h10302:card');
    expect(wiegandParts({ name: 'wiegand', arg: 'h10302' })).toEqual({ format: 'h10302', field: 'card' });
    expect(previewDraft(parseDraft(`wiegand:${wiegandArg('h10302', 'facility')}`), ['35BFB8386A']).results).toEqual([{ ok: true, value: '12345678901' }]);
  });

  it('lists h10302 among the formats the editor offers', () => {
    expect(WIEGAND_FORMATS).toContain('h10302');
  });

  it('re-converts every sample as the draft changes (readers.md UID-01)', () => {
    const samples = ['26DEFAE7'];
    const steps = parseDraft('hex2dec');
    expect(previewDraft(steps, samples).results).toEqual([{ ok: true, value: '652147431' }]);
    const reversed = [{ name: 'reverse-bytes', arg: null }, ...steps];
    expect(previewDraft(reversed, samples).results).toEqual([{ ok: true, value: '3891977766' }]);
  });

  it('names the step that cannot work and why', () => {
    const broken = previewDraft(parseDraft('hex2dec|pad:99'), ['26DEFAE7']);
    expect(broken.error).toMatchObject({ step: 2, reason: 'pad needs a width from 1 to 64, e.g. pad:10' });
    const failing = previewDraft(parseDraft('dec2hex'), ['26DEFAE7']);
    expect(failing.error).toBeNull();
    expect(failing.results[0]).toMatchObject({ ok: false, error: { step: 1 } });
  });
});

describe('live view records', () => {
  const record = (seq: number, readerId = 'r1', raw: string | null = `RAW${seq}`): LiveRecord => ({
    seq, readerId, at: seq, verdict: raw === null ? 'rejected' : 'card', frameHex: '02 30 41 0D 03', raw, cardNumber: raw, reason: raw === null ? 'checksum' : null, count: null,
  });

  it('shows bytes as ASCII with dots for control characters', () => {
    expect(asciiOfHex('02 30 41 0D 03')).toBe('·0A··');
  });

  it('keeps the last 20 records per reader, newest first on screen', () => {
    let records: LiveRecord[] = [];
    for (let seq = 0; seq < 25; seq++) records = appendRecord(records, record(seq));
    records = appendRecord(records, record(25, 'r2'));
    records = appendRecord(records, record(25, 'r2'));
    expect(records.filter((r) => r.readerId === 'r1')).toHaveLength(20);
    expect(recordsOf(records, 'r1')[0]?.seq).toBe(24);
    expect(recordsOf(records, 'r2')).toHaveLength(1);
  });

  it('offers accepted record texts, without repeats, as pipeline samples', () => {
    const records = [record(1, 'r1', 'AA'), record(2, 'r1', null), record(3, 'r1', 'AA'), record(4, 'r1', 'BB'), record(5, 'r2', 'CC')];
    expect(sampleRaws(records, 'r1')).toEqual(['BB', 'AA']);
  });
});
