import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { kioskPaths, openKioskStore } from '../../../src/store/index.js';
import { SqliteReaderProfiles } from '../../../src/store/sqliteReaderProfiles.js';
import { cryptoRandomSource, systemClock } from '../../../src/platform/index.js';
import { tempDataDir } from '../../support/domainStore.js';
import { runBadgekiosk } from '../../support/technicianCli.js';

const profile = {
  format: 'badgekiosk.reader-profile',
  version: 1,
  readers: [
    { id: 'door', preset: 'rdm6300', path: '/dev/ttyUSB0', pipeline: 'substr:2|hex2dec|pad:10' },
    { id: 'desk', label: 'Desk TWN4', preset: 'twn4-cdc', path: '/dev/ttyACM0', serial: { baudRate: 115200 }, pipeline: 'reverse-bytes|hex2dec' },
  ],
};

function savedProfile(dataDir: string) {
  const store = openKioskStore({ file: kioskPaths(dataDir).db });
  try {
    return new SqliteReaderProfiles(store, systemClock, cryptoRandomSource).load();
  } finally {
    store.close();
  }
}

describe('badgekiosk readers profile export|import', () => {
  let temp: ReturnType<typeof tempDataDir>;
  beforeEach(() => {
    temp = tempDataDir();
  });
  afterEach(() => temp.remove());

  it('imports a valid profile, audits it, and exports the same readers again', async () => {
    const file = path.join(temp.dir, 'profile.json');
    writeFileSync(file, JSON.stringify(profile));
    const imported = await runBadgekiosk(temp.dir, ['readers', 'profile', 'import', file]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Imported 2 readers');
    expect(savedProfile(temp.dir)?.profile.readers).toEqual(profile.readers);

    const out = path.join(temp.dir, 'copy.json');
    const exported = await runBadgekiosk(temp.dir, ['readers', 'profile', 'export', '--out', out]);
    expect(exported.code).toBe(0);
    const copy = JSON.parse(readFileSync(out, 'utf8'));
    expect(copy).toMatchObject({ format: 'badgekiosk.reader-profile', version: 1, readers: profile.readers });
    expect(typeof copy.exportedAt).toBe('string');

    // The export is itself importable on another kiosk.
    const other = tempDataDir();
    try {
      expect((await runBadgekiosk(other.dir, ['readers', 'profile', 'import', out])).code).toBe(0);
      expect(savedProfile(other.dir)?.profile.readers).toEqual(profile.readers);
    } finally {
      other.remove();
    }

    const store = openKioskStore({ file: kioskPaths(temp.dir).db });
    expect(store.uow.repos.audit.query({ kind: 'technician.change' }).map((e) => e.details)).toEqual([
      { what: 'reader-profile', via: 'cli-import', readers: 2, actor: 'cli' },
    ]);
    store.close();
  });

  it.each([
    ['not JSON', '{"format":', /not JSON/],
    ['a wrong format tag', JSON.stringify({ ...profile, format: 'something-else' }), /format: format must be "badgekiosk.reader-profile"/],
    ['an unknown field', JSON.stringify({ ...profile, readers: [{ ...profile.readers[0], pipline: 'hex' }] }), /readers\[0\]: unknown field "pipline"/],
    ['an unknown preset', JSON.stringify({ ...profile, readers: [{ ...profile.readers[0], preset: 'rdm9000' }] }), /readers\[0\] \(door\): unknown preset "rdm9000"/],
    ['a broken pipeline step', JSON.stringify({ ...profile, readers: [{ ...profile.readers[0], pipeline: 'hex2dec|pad:99' }] }), /step 2 \(pad:99\): pad needs a width from 1 to 64/],
    ['a serial reader without a port', JSON.stringify({ ...profile, readers: [{ id: 'x', preset: 'line', pipeline: '' }] }), /preset line reads a serial port: give its path/],
    ['the same reader id twice', JSON.stringify({ ...profile, readers: [profile.readers[0], profile.readers[0]] }), /reader id door appears twice/],
  ])('refuses %s, saying what is wrong, and saves nothing', async (_name, text, message) => {
    const file = path.join(temp.dir, 'bad.json');
    writeFileSync(file, text);
    const result = await runBadgekiosk(temp.dir, ['readers', 'profile', 'import', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Nothing was saved.');
    expect(savedProfile(temp.dir)).toBeUndefined();
  });

  it('checks without saving on --dry-run, and reads standard input for "-"', async () => {
    const result = await runBadgekiosk(temp.dir, ['readers', 'profile', 'import', '-', '--dry-run'], JSON.stringify(profile));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('valid reader profile with 2 readers; nothing was saved');
    expect(savedProfile(temp.dir)).toBeUndefined();
  });

  it('says so when there is nothing to export, and keeps an existing file unless --force', async () => {
    const none = await runBadgekiosk(temp.dir, ['readers', 'profile', 'export']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no saved reader profile yet');
    const file = path.join(temp.dir, 'profile.json');
    writeFileSync(file, JSON.stringify(profile));
    await runBadgekiosk(temp.dir, ['readers', 'profile', 'import', file]);
    const kept = await runBadgekiosk(temp.dir, ['readers', 'profile', 'export', '--out', file]);
    expect(kept.code).toBe(1);
    expect(kept.stderr).toContain('exists already');
    expect((await runBadgekiosk(temp.dir, ['readers', 'profile', 'export', '--out', file, '--force'])).code).toBe(0);
  });

  it('answers bad arguments with usage and exit code 2', async () => {
    const result = await runBadgekiosk(temp.dir, ['readers', 'profile', 'import']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: badgekiosk readers profile import FILE');
  });
});

describe('badgekiosk technician pin set|clear', () => {
  let temp: ReturnType<typeof tempDataDir>;
  beforeEach(() => {
    temp = tempDataDir();
  });
  afterEach(() => temp.remove());

  it('stores only an argon2id hash of the PIN, audits the change, and can remove it again', async () => {
    const set = await runBadgekiosk(temp.dir, ['technician', 'pin', 'set'], '2580\n');
    expect(set.code).toBe(0);
    let store = openKioskStore({ file: kioskPaths(temp.dir).db });
    const hash = store.configValues()['technician.pin-hash'];
    expect(hash).toMatch(/^\$argon2id\$/);
    const audit = JSON.stringify(store.uow.repos.audit.query());
    expect(audit).toContain('technician-pin-set');
    expect(audit).not.toContain('2580');
    expect(audit).not.toContain('$argon2');
    store.close();
    const listed = await runBadgekiosk(temp.dir, ['config', 'list']);
    expect(listed.stdout).toMatch(/technician\.pin-hash\s+\(set\)/);
    expect((await runBadgekiosk(temp.dir, ['config', 'get', 'technician.pin-hash'])).stdout).toBe('(set)\n');
    expect(listed.stdout + listed.stderr).not.toContain('$argon2');
    expect((await runBadgekiosk(temp.dir, ['technician', 'pin', 'clear'])).code).toBe(0);
    store = openKioskStore({ file: kioskPaths(temp.dir).db });
    expect(store.configValues()['technician.pin-hash']).toBe('');
    store.close();
  });

  it('refuses a PIN the PIN policy refuses, naming the rule', async () => {
    const result = await runBadgekiosk(temp.dir, ['technician', 'pin', 'set'], '7777\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('may not repeat one digit throughout');
    expect(result.stderr).not.toContain('7777');
  });
});
