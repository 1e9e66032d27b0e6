import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createSelfService,
  type CentralCardAuthority,
  type PinHasher,
  type SelfService,
  type User,
} from '../../src/core/index.js';
import { kioskPaths, openKioskStore, type KioskStore } from '../../src/store/index.js';
import { createArgon2PinHasher } from '../../src/pinHashing/index.js';
import { cryptoRandomSource } from '../../src/platform/index.js';
import { manualClock } from './domainFakes.js';

export function tempDataDir(prefix = 'badgekiosk-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A real argon2 hasher wrapped to count calls, so tests can see that every path costs one verify. */
export interface CountingHasher extends PinHasher {
  readonly calls: { hash: number; verify: number; verifyDummy: number };
}

export function countingHasher(inner: PinHasher): CountingHasher {
  const calls = { hash: 0, verify: 0, verifyDummy: 0 };
  return {
    calls,
    hash: (pin) => (calls.hash++, inner.hash(pin)),
    verify: (hash, pin) => (calls.verify++, inner.verify(hash, pin)),
    verifyDummy: (pin) => (calls.verifyDummy++, inner.verifyDummy(pin)),
    digestTypedId: (typed) => inner.digestTypedId(typed),
  };
}

export interface KioskFixture {
  readonly store: KioskStore;
  readonly clock: ReturnType<typeof manualClock>;
  readonly hasher: CountingHasher;
  readonly service: SelfService;
  addUser(fields: Partial<Pick<User, 'username' | 'primaryCard' | 'secondaryCard' | 'disabled'>> & { pin?: string }): Promise<User>;
  close(): void;
}

/**
 * A kiosk on a real SQLite file in a temp dir, real argon2 (the pepper file in the same temp dir),
 * a settable clock. `central` is passed through to the SelfService when a test needs an enrolled kiosk.
 */
export async function openKioskFixture(options: { start?: number; central?: CentralCardAuthority; kioskId?: string } = {}): Promise<KioskFixture> {
  const temp = tempDataDir();
  const paths = kioskPaths(temp.dir);
  const clock = manualClock(options.start ?? Date.parse('2026-05-04T09:00:00Z'));
  const store = openKioskStore({ file: paths.db, clock });
  const hasher = countingHasher(await createArgon2PinHasher({ pepperFile: paths.pepper }));
  const service = createSelfService({
    uow: store.uow,
    hasher,
    clock,
    random: cryptoRandomSource,
    kioskId: options.kioskId ?? 'kiosk-test',
    ...(options.central ? { central: options.central } : {}),
  });
  let n = 0;
  return {
    store,
    clock,
    hasher,
    service,
    async addUser(fields) {
      n++;
      const pinHash = fields.pin === undefined ? null : await hasher.hash(fields.pin);
      const user = store.uow.transaction((repos) =>
        repos.users.insert({
          username: fields.username ?? `user${n}`,
          displayName: `User ${n}`,
          email: `user${n}@example.org`,
          primaryCard: fields.primaryCard === undefined ? `10000${n}` : fields.primaryCard,
          secondaryCard: fields.secondaryCard ?? null,
          pinHash,
        }),
      );
      if (!fields.disabled) return user;
      return store.uow.transaction((repos) => repos.users.update({ ...user, disabled: true }));
    },
    close() {
      store.close();
      temp.remove();
    },
  };
}
