import { checkWedgeRead } from '../../../src/host/wedgeReadCheck.js';

describe('keyboard-wedge reads the host refuses as "card not recognised"', () => {
  it('takes a read of letters and digits as the Card/ID number, trimmed, leading zeros kept', () => {
    expect(checkWedgeRead('0004521337')).toEqual({ cardNumber: '0004521337' });
    expect(checkWedgeRead(' 04A1B2 ')).toEqual({ cardNumber: '04A1B2' });
  });

  it('names the separators a reader sent, never the read itself', () => {
    const spaced = checkWedgeRead('1234 5678');
    expect(spaced).toEqual({ problem: expect.stringContaining('space characters') });
    expect(JSON.stringify(spaced)).not.toContain('1234');
    expect(checkWedgeRead('12-34:56')).toEqual({ problem: expect.stringContaining('dash, colon characters') });
    expect(checkWedgeRead('12#34')).toEqual({ problem: expect.stringContaining('symbol characters') });
  });
});
