import path from 'node:path';
import { createUser } from '../../../src/central/services/adminUsers.js';
import { startCentral, type RunningCentral } from '../../../src/central/startCentral.js';
import { removeDir, tempDir } from '../../support/centralProcess.js';
import { userSignIn } from '../../support/userWebClient.js';

/**
 * User web sessions on a real central store (in this process, so its clock can be moved): the
 * idle timeout, sign-out, and the per-address sign-in rate limit.
 */
describe('User web interface sessions', () => {
  let dir: string;
  let central: RunningCentral;
  let now = Date.UTC(2026, 11, 4, 9, 0, 0);
  const clock = { now: () => now };

  beforeAll(async () => {
    dir = await tempDir('bk-usersession-');
    central = await startCentral({
      db: `sqlite:${path.join(dir, 'central.sqlite')}`, host: '127.0.0.1', port: 0, pepperFile: path.join(dir, 'pepper'),
      logLevel: false, clock, rateLimits: { userSignInPerMinute: 6 },
    });
    const pinHash = await central.ctx.pinHasher.hash('2580');
    await central.ctx.storage.write((tx) =>
      createUser({ tx, actor: { username: 'test' }, now, random: central.ctx.random }, { username: 'ada', displayName: 'Ada', email: '', primaryCard: '123456', secondaryCard: null, pinHash }),
    );
  });
  afterAll(async () => {
    await central?.close();
    await removeDir(dir);
  });

  it('ends a session after user-web.idle-timeout-minutes without a request, and on sign-out', async () => {
    const { session } = await userSignIn(central.url, { method: 'card', cardNumber: '123456', pin: '2580' });
    expect((await session!.call('GET', '/api/v1/user/summary')).status).toBe(200);
    now += 9 * 60_000;
    expect((await session!.call('GET', '/api/v1/user/summary')).status).toBe(200);
    now += 9 * 60_000; // 9 minutes after the last request: still inside the 10-minute idle window
    expect((await session!.call('GET', '/api/v1/user/summary')).status).toBe(200);
    now += 11 * 60_000;
    const ended = await session!.call('GET', '/api/v1/user/summary');
    expect(ended.status).toBe(401);
    expect(ended.body.error.message).toBe('Please sign in (your session has ended or never began).');

    const second = (await userSignIn(central.url, { method: 'card', cardNumber: '123456', pin: '2580' })).session!;
    expect((await second.call('DELETE', '/api/v1/user/session')).status).toBe(204);
    expect((await second.call('GET', '/api/v1/user/session')).status).toBe(401);
  });

  it('limits sign-in attempts per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await userSignIn(central.url, { method: 'card', cardNumber: '999999', pin: '0000' })).answer.status);
    expect(statuses.filter((s) => s === 429)).not.toHaveLength(0);
    const limited = await userSignIn(central.url, { method: 'card', cardNumber: '123456', pin: '2580' });
    expect(limited.answer.status).toBe(429);
    expect(limited.answer.body.error.code).toBe('rate-limited');
  });
});
