import { rdm6300Frame } from '../../support/e2eSerialPty.js';

describe('end-to-end reader frames', () => {
  it('builds vector EM-01 of readers.md (version byte 01, card 0006547886)', () => {
    expect(rdm6300Frame('0006547886', 1).toString('hex')).toBe('0230313030363345394145323503');
  });

  it('refuses a number that does not fit 32 bits', () => {
    expect(() => rdm6300Frame('4294967296')).toThrow(/32-bit/);
  });
});
