import argon2 from 'argon2';
import { CentralHttpClient } from '../../../src/sync/centralHttpClient.js';
import { startCentralWithAdmin, type AdminSession, type CentralWithAdmin } from '../../support/centralProcess.js';

// Issue 11, findings 4 and 7, on a real central process (SQLite): what a kiosk pushes is ordered
// by its arrival, and every refusal re-sends the user's row so the kiosk's copy is put right.
describe('PIN changes pushed by kiosks (issue 11)', () => {
  let site: CentralWithAdmin;
  let admin: AdminSession;
  let kioskA: CentralHttpClient;
  let kioskB: CentralHttpClient;

  async function enrolledClient(name: string): Promise<CentralHttpClient> {
    const created = await admin.call('POST', '/api/v1/admin/kiosks', { name });
    const enrollment = await new CentralHttpClient({ baseUrl: site.central.url }).enroll(created.body.enrollmentCode);
    return new CentralHttpClient({ baseUrl: site.central.url, token: enrollment.token });
  }

  const siteHash = (pin: string) => argon2.hash(pin, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  let serial = 0;
  async function newUser(): Promise<string> {
    serial += 1;
    const created = await admin.call('POST', '/api/v1/admin/users', { username: `order${serial}`, primaryCard: String(88_000_000 + serial), pin: '2580' });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  beforeAll(async () => {
    site = await startCentralWithAdmin('bk-push-order-');
    admin = site.admin;
    kioskA = await enrolledClient('A');
    kioskB = await enrolledClient('B');
  });

  afterAll(async () => {
    await site?.close();
  });

  it('a PIN change from a kiosk whose clock is an hour behind still wins when it arrives last (finding 4)', async () => {
    const userId = await newUser();
    const now = Date.now();
    const [first] = await kioskA.push([{ idempotencyKey: `a-${userId}`, command: { type: 'pin-changed', userId, pinHash: await siteHash('1397'), at: now } }]);
    expect(first!.status).toBe('accepted');
    const fromB = await siteHash('4826');
    const [late] = await kioskB.push([{ idempotencyKey: `b-${userId}`, command: { type: 'pin-changed', userId, pinHash: fromB, at: now - 3_600_000 } }]);
    expect(late).toMatchObject({ status: 'accepted' });
    const feed = await kioskA.changes(0, 10_000);
    const row = feed.changes.filter((c) => c.type === 'user' && c.user.id === userId).at(-1);
    expect(row?.type === 'user' ? row.user.pinHash : null).toBe(fromB);
  });

  it('a refused PIN change re-sends that user\'s row, so the next pull repairs the kiosk\'s copy (finding 4)', async () => {
    const userId = await newUser();
    const before = await kioskA.changes(0, 10_000);
    const heavy = await argon2.hash('1397', { type: argon2.argon2id, memoryCost: 65_536, timeCost: 3, parallelism: 1 });
    const [refused] = await kioskA.push([{ idempotencyKey: `heavy-${userId}`, command: { type: 'pin-changed', userId, pinHash: heavy, at: Date.now() } }]);
    expect(refused).toMatchObject({ status: 'rejected', reason: { code: 'invalid-input' } });
    const after = await kioskA.changes(before.latest, 10_000);
    const resent = after.changes.find((c) => c.type === 'user' && c.user.id === userId);
    expect(resent).toBeDefined();
    expect(resent?.type === 'user' ? resent.user.pinHash : 'none').not.toBe(heavy);
  });

  it('a hash with stronger argon2 parameters than the site\'s is refused, naming the site\'s parameters (finding 7)', async () => {
    const userId = await newUser();
    const forged = (await siteHash('1397')).replace('m=19456', 'm=1048576').replace('t=2', 't=64');
    const [refused] = await kioskB.push([{ idempotencyKey: `forged-${userId}`, command: { type: 'pin-changed', userId, pinHash: forged, at: Date.now() } }]);
    expect(refused).toMatchObject({ status: 'rejected', reason: { code: 'invalid-input', message: "The PIN hash must use the site's argon2id parameters m=19456, t=2, p=1." } });
  });
});
