import { readPepper, typedIdDigester } from '../../../src/pinHashing/index.js';
import { kioskPaths } from '../../../src/store/index.js';
import { backendDatabases, CENTRAL_BACKENDS, type BackendDatabases } from '../../support/centralBackends.js';
import { enrollTestKiosk, type TestKiosk } from '../../support/centralKiosk.js';
import {
  adminLogin,
  createAdminWithCli,
  eventually,
  freePort,
  removeDir,
  startCentralProcess,
  tempDir,
  type AdminSession,
  type CentralProcess,
} from '../../support/centralProcess.js';

const ALICE_CARD = '22220001';
const typed = (cardNumber: string) => ({ via: 'id', cardNumber }) as const;
const card = (cardNumber: string) => ({ via: 'card', cardNumber }) as const;
const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error!.code);

/** Issue 11, finding 5: typed-ID failures counted by digest across kiosks through the central store. */
describe.each(CENTRAL_BACKENDS)('typed-ID lockout shared by two kiosks on %s', (backend) => {
  let dir: string;
  let dbs: BackendDatabases;
  let central: CentralProcess;
  let admin: AdminSession;
  let A: TestKiosk;
  let B: TestKiosk;
  let alice: { id: string };

  beforeAll(async () => {
    dir = await tempDir('bk-typedid-');
    dbs = await backendDatabases(backend, dir);
    const db = await dbs.fresh('typedid');
    await createAdminWithCli(dir, db);
    central = await startCentralProcess({ dataDir: dir, db, port: await freePort() });
    admin = await adminLogin(central.url);
    alice = (await admin.call('POST', '/api/v1/admin/users', { username: 'alice', displayName: 'Alice', primaryCard: ALICE_CARD, pin: '2580' })).body;
    for (const [key, value] of [['auth.max-failed-pin-attempts', 4], ['auth.typed-id-max-delay-seconds', 0]] as const) {
      expect((await admin.call('PUT', `/api/v1/admin/config/${key}`, { value })).status).toBe(200);
    }
    A = await enrollTestKiosk(central.url, admin, 'A');
    B = await enrollTestKiosk(central.url, admin, 'B');
    await eventually(() => B.store.configValues()['auth.max-failed-pin-attempts'] === 4 && A.store.configValues()['auth.typed-id-max-delay-seconds'] === 0, 'the settings on both kiosks');
  });

  afterAll(async () => {
    await A?.close();
    await B?.close();
    await central?.stop();
    dbs?.stop();
    if (dir) await removeDir(dir);
  });

  const countOn = (kiosk: TestKiosk, digest: string) =>
    kiosk.store.db.prepare('SELECT failures, locked_until AS lockedUntil, pending FROM typed_id_attempts WHERE digest = ?').get(digest) as
      { failures: number; lockedUntil: number | null; pending: number } | undefined;
  /** Both kiosks hold the site's pepper from enrollment, so they digest a number alike. */
  const digestOf = async (number: string) => typedIdDigester(await readPepper(kioskPaths(A.dataDir).pepper))(number);

  it('failures on A and B count together by the typed number and lock it on both, while the holder\'s card keeps working', async () => {
    expect(codeOf(await A.self.authenticate(typed(ALICE_CARD), '0000'))).toBe('invalid-credentials');
    const digest = await digestOf(ALICE_CARD);
    await eventually(() => countOn(B, digest)?.failures === 1, "A's failure on kiosk B");
    expect(codeOf(await B.self.authenticate(typed(ALICE_CARD), '0000'))).toBe('invalid-credentials');
    await eventually(() => countOn(A, digest)?.failures === 2 && countOn(A, digest)?.pending === 0, "B's failure on kiosk A");
    const third = await A.self.authenticate(typed(ALICE_CARD), '0000');
    expect(third).toMatchObject({ ok: false, error: { code: 'invalid-credentials', details: { attemptsLeft: 1 } } });
    await eventually(() => countOn(B, digest)?.failures === 3 && countOn(B, digest)?.pending === 0, 'the third failure on kiosk B');
    expect(await B.self.authenticate(typed(ALICE_CARD), '0000')).toMatchObject({ ok: false, error: { code: 'locked-out', details: { typedId: true } } });
    await eventually(() => countOn(A, digest)?.lockedUntil !== null, 'the lock on kiosk A');
    // The right PIN is no way round the lock of the typed number …
    expect(await A.self.authenticate(typed(ALICE_CARD), '2580')).toMatchObject({ ok: false, error: { code: 'locked-out' } });
    // … but the card is another matter: it signs in on both kiosks, and alice's own count is untouched.
    expect(await A.self.authenticate(card(ALICE_CARD), '2580')).toMatchObject({ ok: true });
    expect(await B.self.authenticate(card(ALICE_CARD), '2580')).toMatchObject({ ok: true });
    expect((await admin.call('GET', `/api/v1/admin/users/${alice.id}`)).body).toMatchObject({ failedAttempts: 0, lockedUntil: null });

    const audit = (await admin.call('GET', '/api/v1/admin/audit?limit=1000')).body.events as { kind: string; outcome: string; kioskId: string | null; details: Record<string, unknown> }[];
    const failed = audit.filter((e) => e.kind === 'typed-id.failed');
    expect(failed).toHaveLength(4);
    expect(failed.every((e) => e.outcome === 'failure' && e.details['id'] === '…0001')).toBe(true);
    expect(new Set(failed.map((e) => e.kioskId))).toEqual(new Set([A.kioskId, B.kioskId]));
    expect(audit.filter((e) => e.kind === 'typed-id.locked')).toEqual([expect.objectContaining({ kioskId: B.kioskId, details: expect.objectContaining({ id: '…0001' }) })]);
    expect(JSON.stringify(audit)).not.toContain(ALICE_CARD);
  });

  it('an unknown number answers and locks on the same try as a real one', async () => {
    const answers: string[] = [];
    const digest = await digestOf('98765432');
    for (const kiosk of [A, B, A, B]) {
      const answer = await kiosk.self.authenticate(typed('98765432'), '0000');
      answers.push(answer.ok ? 'ok' : `${answer.error.code}:${answer.error.details?.['attemptsLeft'] ?? ''}`);
      const seen = countOn(kiosk, digest)!.failures;
      const other = kiosk === A ? B : A;
      await eventually(() => countOn(other, digest)?.failures === seen, 'the failure on the other kiosk');
    }
    expect(answers).toEqual(['invalid-credentials:', 'invalid-credentials:', 'invalid-credentials:1', 'locked-out:']);
  });

  it('a kiosk cut off from the central store grants half the count on its own, and hands the rest back once it has synced', async () => {
    await A.sync.stop();
    expect(codeOf(await A.self.authenticate(typed('55501234'), '0000'))).toBe('invalid-credentials');
    expect(await A.self.authenticate(typed('55501234'), '0000')).toMatchObject({ ok: false, error: { code: 'locked-out' } });
    const digest = await digestOf('55501234');
    expect(countOn(A, digest)).toMatchObject({ failures: 2, pending: 2 });
    // Kiosk B knows nothing of them yet: with B also offline the site would grant no more than the full count.
    expect(countOn(B, digest)).toBeUndefined();
    A.sync.start();
    await eventually(() => countOn(B, digest)?.failures === 2, "A's offline failures on kiosk B");
    await eventually(() => countOn(A, digest)?.pending === 0 && countOn(A, digest)?.lockedUntil === null, 'the central count on kiosk A');
    expect(await B.self.authenticate(typed('55501234'), '0000')).toMatchObject({ ok: false, error: { code: 'invalid-credentials', details: { attemptsLeft: 1 } } });
  });
});
