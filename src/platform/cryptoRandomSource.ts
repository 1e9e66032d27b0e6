import { randomInt, randomUUID } from 'node:crypto';
import type { RandomSource } from '../core/index.js';

/** RandomSource on node:crypto: Card/ID numbers and ids come from the OS's CSPRNG, without modulo bias. */
export const cryptoRandomSource: RandomSource = {
  randomInt: (maxExclusive) => randomInt(maxExclusive),
  uuid: () => randomUUID(),
};
