import argon2 from 'argon2';
import { auditCsv } from '../../../src/central/http/auditCsv.js';
import { newEnrollmentCode, normalizeEnrollmentCode } from '../../../src/central/security/secrets.js';
import { checkPinHash } from '../../../src/pinHashing/index.js';
import { parseDatabaseUrl } from '../../../src/central/storage/openCentralStorage.js';

describe('enrollment codes', () => {
  it('are twelve unambiguous symbols in three groups', () => {
    const code = newEnrollmentCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(newEnrollmentCode()).not.toBe(code);
  });

  it('are accepted in any case, with or without dashes, with O for 0 and I or L for 1', () => {
    expect(normalizeEnrollmentCode(' 7kq2-m9xd-4tpa ')).toBe('7KQ2M9XD4TPA');
    expect(normalizeEnrollmentCode('O0IL')).toBe('0011');
  });
});

describe('pushed PIN hashes', () => {
  it('accept argon2id at the OWASP minimum, whatever the parameter order', async () => {
    const hash = await argon2.hash('2580', { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    expect(checkPinHash(hash)).toBeNull();
    expect(checkPinHash(hash.replace(/m=19456,t=2,p=1|m=19456,p=1,t=2/, 't=2,p=1,m=19456'))).toBeNull();
  });

  it('refuse other algorithms, weaker parameters and garbage', async () => {
    const argon2i = await argon2.hash('2580', { type: argon2.argon2i, memoryCost: 19_456, timeCost: 2 });
    expect(checkPinHash(argon2i)).toMatch(/not an argon2id/);
    const weak = await argon2.hash('2580', { type: argon2.argon2id, memoryCost: 8_192, timeCost: 2, parallelism: 1 });
    expect(checkPinHash(weak)).toMatch(/site's argon2id parameters/);
    expect(checkPinHash('2580')).toMatch(/not an argon2id/);
  });

  it('refuse stronger parameters than the site\'s too: one kiosk token must not make every kiosk spend a GiB per sign-in (issue 11, finding 7)', async () => {
    const heavy = await argon2.hash('2580', { type: argon2.argon2id, memoryCost: 65_536, timeCost: 3, parallelism: 1 });
    expect(checkPinHash(heavy)).toBe("The PIN hash must use the site's argon2id parameters m=19456, t=2, p=1.");
    const forged = heavy.replace('m=65536', 'm=1048576').replace('t=3', 't=64');
    expect(checkPinHash(forged)).toMatch(/site's argon2id parameters/);
  });
});

describe('audit CSV', () => {
  it('quotes per RFC 4180 and defuses cells a spreadsheet would run as a formula', () => {
    const csv = auditCsv([
      {
        id: 'e1', at: Date.UTC(2026, 0, 2, 3, 4, 5), kind: 'user.add', outcome: 'success', userId: 'u1', username: '=HYPERLINK("x")',
        kioskId: null, actor: 'admin', code: null, details: { note: 'a,b' },
      },
    ]);
    const [header, row] = csv.trimEnd().split('\r\n');
    expect(header).toBe('at,kind,outcome,username,user_id,kiosk_id,actor,code,details');
    expect(row).toBe(`2026-01-02T03:04:05.000Z,user.add,success,"'=HYPERLINK(""x"")",u1,,admin,,"{""note"":""a,b""}"`);
  });

  it('defuses a formula after every separator a spreadsheet might split on, not only at the start (issue 11, finding 10)', () => {
    const csv = auditCsv([
      {
        id: 'e2', at: 0, kind: 'user.add', outcome: 'success', userId: 'u2', username: 'eve;=cmd|calc',
        kioskId: null, actor: 'x,+SUM(A1)\t@evil', code: null, details: {},
      },
    ]);
    const row = csv.trimEnd().split('\r\n')[1]!;
    expect(row).toContain("eve;'=cmd|calc");
    expect(row).toContain(`"x,'+SUM(A1)\t'@evil"`);
    for (const separator of [';', ',', '\t']) expect(row).not.toMatch(new RegExp(`${separator}[=+@]`));
  });
});

describe('--db', () => {
  it('takes sqlite:PATH and postgres URLs and names what it expected otherwise', () => {
    expect(parseDatabaseUrl('sqlite:/var/lib/bk/central.sqlite')).toEqual({ kind: 'sqlite', file: '/var/lib/bk/central.sqlite' });
    expect(parseDatabaseUrl('sqlite:relative.db')).toEqual({ kind: 'sqlite', file: 'relative.db' });
    expect(parseDatabaseUrl('postgresql://u@h:5432/d')).toEqual({ kind: 'postgres', url: 'postgresql://u@h:5432/d' });
    expect(() => parseDatabaseUrl('mysql://x')).toThrow(/sqlite:PATH or postgres:\/\//);
    expect(() => parseDatabaseUrl('sqlite:')).toThrow(/file path/);
  });
});
