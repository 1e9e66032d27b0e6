import { randomBytes } from 'node:crypto';
import argon2, { type HashOptions } from 'argon2';
import type { PinHasher } from '../core/index.js';
import { loadOrCreatePepper } from './pepperFile.js';
import { typedIdDigester } from './typedIdDigest.js';

/** OWASP's minimum for argon2id (19 MiB, 2 passes, 1 lane); lower values are refused. */
export const MIN_ARGON2_PARAMETERS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export interface Argon2PinHasherOptions {
  /** The pepper file (see kioskPaths().pepper); created with 32 random bytes if missing. */
  readonly pepperFile: string;
  readonly memoryCost?: number;
  readonly timeCost?: number;
  readonly parallelism?: number;
}

/**
 * PinHasher on argon2id with the site secret as argon2's `secret`: the PHC string in the database
 * is useless for offline guessing without the pepper file. verifyDummy runs a real verify against a
 * hash made once at start-up with the same parameters, so an unknown card costs what a wrong PIN costs.
 */
export async function createArgon2PinHasher(options: Argon2PinHasherOptions): Promise<PinHasher> {
  const parameters = {
    memoryCost: options.memoryCost ?? MIN_ARGON2_PARAMETERS.memoryCost,
    timeCost: options.timeCost ?? MIN_ARGON2_PARAMETERS.timeCost,
    parallelism: options.parallelism ?? MIN_ARGON2_PARAMETERS.parallelism,
  };
  for (const [name, minimum] of Object.entries(MIN_ARGON2_PARAMETERS)) {
    const value = parameters[name as keyof typeof parameters];
    if (!Number.isInteger(value) || value < minimum) {
      throw new Error(`argon2 ${name} must be an integer of at least ${minimum}, got ${value}.`);
    }
  }
  const secret = await loadOrCreatePepper(options.pepperFile);
  const hashOptions: HashOptions = { type: argon2.argon2id, ...parameters, secret };
  const dummyHash = await argon2.hash(randomBytes(32).toString('hex'), hashOptions);

  async function verify(pinHash: string, pin: string): Promise<boolean> {
    try {
      return await argon2.verify(pinHash, pin, { secret });
    } catch {
      // A malformed stored hash must behave like a wrong PIN, and its text must not reach an error.
      return false;
    }
  }

  return {
    hash: (pin) => argon2.hash(pin, hashOptions),
    verify,
    digestTypedId: typedIdDigester(secret),
    async verifyDummy(pin) {
      await verify(dummyHash, pin);
      return false;
    },
  };
}
