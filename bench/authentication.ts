import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import argon2 from 'argon2';
import { createSelfService } from '../src/core/index.js';
import { kioskPaths, openKioskStore } from '../src/store/index.js';
import { createArgon2PinHasher, readPepper } from '../src/pinHashing/index.js';
import { cryptoRandomSource, systemClock } from '../src/platform/index.js';
import { compare, emit, timeAsync } from './benchStats.js';

const SAMPLES = 40;
const ms = (us: number) => Math.round(us / 10) / 100;
const PIN = '583920';

/**
 * Authentication by card (lookup + argon2id verify + the audit write) through SelfService,
 * beside a raw argon2.verify of the same PHC string with the same pepper: the domain around the
 * hash should cost next to nothing. Interleaved one by one against machine noise.
 */
export async function runAuthenticationBench(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-auth-'));
  try {
    const paths = kioskPaths(dir);
    const store = openKioskStore({ file: paths.db });
    const hasher = await createArgon2PinHasher({ pepperFile: paths.pepper });
    const pinHash = await hasher.hash(PIN);
    store.uow.transaction((repos) => {
      for (let i = 0; i < 1000; i++) {
        repos.users.insert({
          username: `user${i}`, displayName: `User ${i}`, email: '', primaryCard: String(500_000 + i), secondaryCard: null,
          pinHash: i === 7 ? pinHash : null,
        });
      }
    });
    const selfService = createSelfService({ uow: store.uow, hasher, clock: systemClock, random: cryptoRandomSource, kioskId: 'bench' });
    const secret = await readPepper(paths.pepper);
    const authNs: number[] = [];
    const rawNs: number[] = [];
    for (let k = -3; k < SAMPLES; k++) {
      const auth = await timeAsync(async () => {
        const result = await selfService.authenticate({ via: 'card', cardNumber: '500007' }, PIN);
        if (!result.ok) throw new Error(`authentication failed: ${result.error.code}`);
      });
      const raw = await timeAsync(async () => {
        if (!(await argon2.verify(pinHash, PIN, { secret }))) throw new Error('raw verify failed');
      });
      if (k >= 0) {
        authNs.push(auth);
        rawNs.push(raw);
      }
    }
    store.close();
    const { subject: auth, baseline: raw, ratio: medianRatio } = compare(authNs, rawNs);
    emit({
      bench: 'authentication',
      samples: SAMPLES,
      params: pinHash.split('$')[3],
      authMedianMs: ms(auth.medianUs),
      authP99Ms: ms(auth.p99Us),
      rawVerifyMedianMs: ms(raw.medianUs),
      rawVerifyP99Ms: ms(raw.p99Us),
      ratio: medianRatio,
      goal: 'ratio <= 1.1',
      met: medianRatio <= 1.1,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
