import path from 'node:path';
import { createKiosk, redeemEnrollmentCode } from '../../../src/central/services/kioskRegistry.js';
import { startCentral, type RunningCentral } from '../../../src/central/startCentral.js';
import { removeDir, tempDir } from '../../support/centralProcess.js';

/**
 * The kiosk API's per-token limit (a real central store on loopback): answered polls carry no
 * x-ratelimit-* headers (kiosks never read them, and they cost a tenth of the idle poll), while the
 * request past the limit is refused with 429, retry-after and the limit's headers; another kiosk's
 * token has its own count.
 */
describe('the per-kiosk request limit', () => {
  let dir: string;
  let central: RunningCentral;
  let tokens: string[];

  beforeAll(async () => {
    dir = await tempDir('bk-kiosk-limit-');
    central = await startCentral({
      db: `sqlite:${path.join(dir, 'central.sqlite')}`, host: '127.0.0.1', port: 0, pepperFile: path.join(dir, 'pepper'),
      logLevel: false, rateLimits: { kioskPerMinute: 3 },
    });
    tokens = await central.ctx.storage.write(async (tx) => {
      const out: string[] = [];
      for (const name of ['limit-a', 'limit-b']) {
        const { code } = await createKiosk(tx, central.ctx.random.uuid(), name, Date.now());
        out.push((await redeemEnrollmentCode(tx, code, 'test', Date.now()))!.token);
      }
      return out;
    });
  });
  afterAll(async () => {
    await central?.close();
    await removeDir(dir);
  });

  const poll = (token: string) => fetch(`${central.url}/api/v1/kiosk/changes?after=0`, { headers: { authorization: `Bearer ${token}` } });

  it('answers within the limit without rate-limit headers, then refuses with 429 and retry-after', async () => {
    for (let i = 0; i < 3; i++) {
      const answered = await poll(tokens[0]!);
      expect(answered.status).toBe(200);
      expect([...answered.headers.keys()].filter((name) => name.startsWith('x-ratelimit'))).toEqual([]);
    }
    const refused = await poll(tokens[0]!);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('x-ratelimit-limit')).toBe('3');
    expect(await refused.json()).toMatchObject({ error: { code: 'rate-limited', message: expect.stringMatching(/rate limit/i) } });
    expect((await poll(tokens[1]!)).status).toBe(200);
    // Checked after the token: a wrong one is answered 401 (not counted, never 429).
    expect((await poll('bkk_not-a-real-token-000')).status).toBe(401);
    // Each route keeps its own count, as before: this kiosk's command lookups are not refused yet.
    const lookup = await fetch(`${central.url}/api/v1/kiosk/commands/00000000-0000-4000-8000-000000000000`, { headers: { authorization: `Bearer ${tokens[0]}` } });
    expect(lookup.status).toBe(404);
  });
});
