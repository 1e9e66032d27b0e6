import { randomBytes, randomUUID } from 'node:crypto';
import argon2 from 'argon2';
import pino from 'pino';
import {
  defaultConfigValues,
  validateConfigChange,
  type AuditEvent,
  type ConfigKeyName,
  type ConfigSource,
  type ConfigValue,
  type ConfigValues,
  type PinHasher,
  type RandomSource,
} from '../../src/core/index.js';
import type { TechnicianLock, TechnicianLockStore } from '../../src/host/technician/technicianPorts.js';
import { typedIdDigester } from '../../src/pinHashing/index.js';

/** A real argon2id hasher with a pepper, at OWASP's minimum cost (what the kiosk store uses). */
export function technicianPinHasher(): PinHasher {
  const secret = randomBytes(32);
  const options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1, secret } as const;
  return {
    hash: (pin) => argon2.hash(pin, options),
    verify: async (hash, pin) => argon2.verify(hash, pin, { secret }).catch(() => false),
    verifyDummy: async () => false,
    digestTypedId: typedIdDigester(secret),
  };
}

/** Configuration values in memory, written through the same validation as the stores. */
export function memoryConfig(initial: Partial<Record<ConfigKeyName, unknown>> = {}): ConfigSource & { set(name: ConfigKeyName, value: unknown): void } {
  let values: ConfigValues = defaultConfigValues();
  const set = (name: ConfigKeyName, value: unknown) => {
    const change = validateConfigChange(name, value, values);
    if (!change.ok) throw new Error(change.error);
    values = { ...values, [name]: change.value.value };
  };
  for (const [name, value] of Object.entries(initial)) set(name as ConfigKeyName, value);
  return { get: <K extends ConfigKeyName>(key: K) => values[key] as ConfigValue<K>, set };
}

/** Lock state and audit rows in memory, for tests of the host logic alone (the store has its own tests). */
export function memoryLockStore(audit: AuditEvent[]): TechnicianLockStore & { lock: TechnicianLock } {
  const store = {
    lock: { failedAttempts: 0, lockedUntil: null } as TechnicianLock,
    read: () => store.lock,
    write(lock: TechnicianLock, event: AuditEvent) {
      store.lock = lock;
      audit.push(event);
    },
  };
  return store;
}

export const cryptoRandom: RandomSource = {
  randomInt: (max) => Math.floor(Math.random() * max),
  uuid: () => randomUUID(),
};

export const silentLogger = pino({ level: 'silent' });
