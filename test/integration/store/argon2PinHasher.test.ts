import argon2 from 'argon2';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { kioskPaths, type KioskPaths } from '../../../src/store/index.js';
import { createArgon2PinHasher, loadOrCreatePepper } from '../../../src/pinHashing/index.js';
import { tempDataDir } from '../../support/domainStore.js';

describe('argon2id PIN hashing with a pepper file', () => {
  let temp: ReturnType<typeof tempDataDir>;
  let paths: KioskPaths;
  beforeEach(() => {
    temp = tempDataDir();
    paths = kioskPaths(temp.dir);
  });
  afterEach(() => temp.remove());

  it('creates a 32-byte pepper file with mode 0600 in a 0700 folder outside the database', async () => {
    await createArgon2PinHasher({ pepperFile: paths.pepper });
    expect(readFileSync(paths.pepper)).toHaveLength(32);
    expect(statSync(paths.pepper).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(paths.pepper)).mode & 0o777).toBe(0o700);
    expect(paths.pepper).not.toBe(paths.db);
  });

  it('stores argon2id PHC strings at m=19456, t=2, p=1 that verify only the right PIN', async () => {
    const hasher = await createArgon2PinHasher({ pepperFile: paths.pepper });
    const hash = await hasher.hash('2580');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(hash).not.toContain('2580');
    expect(await hasher.verify(hash, '2580')).toBe(true);
    expect(await hasher.verify(hash, '2581')).toBe(false);
  });

  it('needs the pepper: the hash alone does not verify, and a new pepper file does not either', async () => {
    const hasher = await createArgon2PinHasher({ pepperFile: paths.pepper });
    const hash = await hasher.hash('2580');
    expect(await argon2.verify(hash, '2580')).toBe(false);
    expect(await argon2.verify(hash, '2580', { secret: readFileSync(paths.pepper) })).toBe(true);
    const other = await createArgon2PinHasher({ pepperFile: path.join(temp.dir, 'other', 'pepper') });
    expect(await other.verify(hash, '2580')).toBe(false);
  });

  it('gives processes that create the pepper file at the same moment one and the same whole pepper, leaving no drafts', async () => {
    const { readdirSync } = await import('node:fs');
    const peppers = await Promise.all(Array.from({ length: 24 }, () => loadOrCreatePepper(paths.pepper)));
    for (const pepper of peppers) expect(pepper.toString('hex')).toBe(readFileSync(paths.pepper).toString('hex'));
    expect(peppers[0]).toHaveLength(32);
    expect(readdirSync(path.dirname(paths.pepper)).filter((name) => name.endsWith('.new'))).toEqual([]);
  });

  it('reuses the pepper file on the next start', async () => {
    const first = await createArgon2PinHasher({ pepperFile: paths.pepper });
    const hash = await first.hash('7391');
    const pepper = readFileSync(paths.pepper);
    const second = await createArgon2PinHasher({ pepperFile: paths.pepper });
    expect(readFileSync(paths.pepper).equals(pepper)).toBe(true);
    expect(await second.verify(hash, '7391')).toBe(true);
  });

  it('verifyDummy runs a verify and never matches, whatever the PIN', async () => {
    const hasher = await createArgon2PinHasher({ pepperFile: paths.pepper });
    expect(await hasher.verifyDummy('2580')).toBe(false);
    expect(await hasher.verifyDummy('')).toBe(false);
  });

  it('treats a malformed stored hash as a wrong PIN', async () => {
    const hasher = await createArgon2PinHasher({ pepperFile: paths.pepper });
    expect(await hasher.verify('not-a-phc-string', '2580')).toBe(false);
  });

  it('refuses parameters below the OWASP minimum', async () => {
    await expect(createArgon2PinHasher({ pepperFile: paths.pepper, memoryCost: 4096 })).rejects.toThrow(
      'argon2 memoryCost must be an integer of at least 19456, got 4096.',
    );
    await expect(createArgon2PinHasher({ pepperFile: paths.pepper, timeCost: 1 })).rejects.toThrow('timeCost');
  });

  it('refuses a pepper file others can read, and one too short to be a secret', async () => {
    await createArgon2PinHasher({ pepperFile: paths.pepper });
    chmodSync(paths.pepper, 0o644);
    await expect(createArgon2PinHasher({ pepperFile: paths.pepper })).rejects.toThrow(/readable or writable by other users \(mode 644\); run `chmod 600/);
    writeFileSync(paths.pepper, Buffer.alloc(8), { mode: 0o600 });
    chmodSync(paths.pepper, 0o600);
    await expect(createArgon2PinHasher({ pepperFile: paths.pepper })).rejects.toThrow('holds 8 bytes; at least 16 are needed');
  });
});
