import { mkdirSync } from 'node:fs';
import os from 'node:os';
import { createSelfService, validatePinPolicy, type ConfigValues, type PinHasher, type SelfService } from '../core/index.js';
import { kioskPaths, openKioskStore, type Actor, type KioskStore } from '../store/index.js';
import { createArgon2PinHasher } from '../pinHashing/index.js';
import { cryptoRandomSource, systemClock } from '../platform/index.js';
import type { PinPolicyCheck } from '../userImport/newUserFields.js';

/** Recorded as `by` in the audit rows the store writes for CLI changes (config, imports). */
export const CLI_ACTOR: Actor = { kioskId: null, username: 'cli' };

/**
 * The CLI's composition root: the kiosk store of one data directory, the peppered argon2 hasher
 * and the same SelfService the kiosk host uses, so every rule and message is the kiosk's own.
 * The CLI is not an enrolled kiosk: it works on the data directory standalone (DESIGN §5).
 */
export interface CliKiosk {
  readonly store: KioskStore;
  readonly clock: typeof systemClock;
  readonly random: typeof cryptoRandomSource;
  /** Made on first use: it reads (or on first run creates) the pepper file and primes a dummy hash. */
  hasher(): Promise<PinHasher>;
  selfService(): Promise<SelfService>;
  /** The PIN policy with the lengths configured now. */
  pinPolicy(): PinPolicyCheck;
  /** argon2 runs on libuv's pool; more in flight than cores only adds memory. */
  readonly hashConcurrency: number;
  close(): void;
}

export function openCliKiosk(dataDir: string): CliKiosk {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const paths = kioskPaths(dataDir);
  const store = openKioskStore({ file: paths.db });
  let hasher: Promise<PinHasher> | undefined;
  let selfService: Promise<SelfService> | undefined;
  const kiosk: CliKiosk = {
    store,
    clock: systemClock,
    random: cryptoRandomSource,
    hasher: () => (hasher ??= createArgon2PinHasher({ pepperFile: paths.pepper })),
    selfService: () =>
      (selfService ??= kiosk.hasher().then((h) =>
        createSelfService({ uow: store.uow, hasher: h, clock: systemClock, random: cryptoRandomSource, kioskId: null }),
      )),
    pinPolicy: () => pinPolicyOf(store.configValues()),
    hashConcurrency: Math.max(1, os.availableParallelism()),
    close: () => store.close(),
  };
  return kiosk;
}

/** The PIN policy with the lengths of `values` (the kiosk's, or the embedded central store's). */
export function pinPolicyOf(values: Pick<ConfigValues, 'pin.min-length' | 'pin.max-length'>): PinPolicyCheck {
  const policy = { minLength: values['pin.min-length'], maxLength: values['pin.max-length'] };
  return (pin) => {
    const result = validatePinPolicy(pin, policy);
    return result.ok ? null : result.error.message;
  };
}

/** Opens the data directory's kiosk for one command and always closes it. */
export async function withCliKiosk<T>(dataDir: string, fn: (kiosk: CliKiosk) => Promise<T>): Promise<T> {
  const kiosk = openCliKiosk(dataDir);
  try {
    return await fn(kiosk);
  } finally {
    kiosk.close();
  }
}
