import { openKioskFixture, type KioskFixture } from '../../support/domainStore.js';

/** Issue 11, finding 5: typed-ID failures count by the typed string and never lock the holder's card. */
describe('typed-ID sign-in on a real store with real argon2', () => {
  let kiosk: KioskFixture;
  beforeEach(async () => {
    kiosk = await openKioskFixture();
    kiosk.store.setConfig('auth.max-failed-pin-attempts', '3');
  });
  afterEach(() => kiosk.close());

  const typed = (cardNumber: string) => ({ via: 'id', cardNumber }) as const;
  const card = (cardNumber: string) => ({ via: 'card', cardNumber }) as const;
  /** Past the kiosk's pause, so each try is taken. */
  const later = () => kiosk.clock.advance(31_000);

  it('locks the typed number only: the holder keeps signing in with the card, and their own count is untouched', async () => {
    const ada = await kiosk.addUser({ primaryCard: '5123', pin: '2580' });
    for (let i = 0; i < 3; i++, later()) await kiosk.service.authenticate(typed('5123'), '1397');
    expect(await kiosk.service.authenticate(typed('5123'), '2580')).toMatchObject({ ok: false, error: { code: 'locked-out', details: { typedId: true } } });
    expect(kiosk.store.uow.repos.users.findById(ada.id)).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    expect(await kiosk.service.identifyCard('5123')).toMatchObject({ ok: true, value: { next: 'enter-pin' } });
    expect(await kiosk.service.authenticate(card('5123'), '2580')).toMatchObject({ ok: true });
  });

  it('answers a known number with wrong PINs and an unknown number alike, warns on the try before the last, and locks both on the same try', async () => {
    await kiosk.addUser({ primaryCard: '5124', pin: '2580' });
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 4; i++, later()) {
      known.push(await kiosk.service.authenticate(typed('5124'), '1397'));
      later();
      unknown.push(await kiosk.service.authenticate(typed('9876'), '1397'));
    }
    const strip = (answers: unknown[]) => JSON.parse(JSON.stringify(answers).replace(/"lockedUntil":\d+/g, '"lockedUntil":0'));
    expect(strip(known)).toEqual(strip(unknown));
    expect(known.map((a) => (a as { error: { code: string; details?: object } }).error)).toEqual([
      { code: 'invalid-credentials', message: expect.not.stringContaining('try left') },
      { code: 'invalid-credentials', message: expect.stringContaining('1 try left'), details: { attemptsLeft: 1 } },
      { code: 'locked-out', message: expect.stringContaining('ID number'), details: expect.objectContaining({ typedId: true }) },
      { code: 'locked-out', message: expect.stringContaining('ID number'), details: expect.objectContaining({ typedId: true }) },
    ]);
  });

  it('a user locked by wrong PINs after card swipes answers a typed ID like an unknown number', async () => {
    await kiosk.addUser({ primaryCard: '5125', pin: '2580' });
    for (let i = 0; i < 3; i++) await kiosk.service.authenticate(card('5125'), '1397');
    const locked = await kiosk.service.authenticate(typed('5125'), '2580');
    later();
    const nobody = await kiosk.service.authenticate(typed('5999'), '2580');
    expect(locked).toEqual(nobody);
    expect(locked).toMatchObject({ ok: false, error: { code: 'invalid-credentials' } });
  });

  it('makes a growing pause between typed-ID tries after failures, whatever number is typed, without checking a PIN', async () => {
    await kiosk.addUser({ primaryCard: '5126', pin: '2580' });
    await kiosk.service.authenticate(typed('1111'), '1397');
    const verifies = () => kiosk.hasher.calls.verify + kiosk.hasher.calls.verifyDummy;
    const before = verifies();
    expect(await kiosk.service.authenticate(typed('5126'), '2580')).toMatchObject({ ok: false, error: { code: 'typed-id-wait', details: { waitSeconds: 1 } } });
    expect(verifies()).toBe(before);
    kiosk.clock.advance(1000);
    await kiosk.service.authenticate(typed('2222'), '1397');
    kiosk.clock.advance(500);
    expect(await kiosk.service.authenticate(typed('5126'), '2580')).toMatchObject({ error: { code: 'typed-id-wait', details: { waitSeconds: 2 } } });
    kiosk.clock.advance(1500);
    // A success ends the pause for the next person.
    expect(await kiosk.service.authenticate(typed('5126'), '2580')).toMatchObject({ ok: true });
    expect((await kiosk.service.authenticate(typed('3333'), '1397')).ok).toBe(false);
    expect(await kiosk.service.authenticate(typed('4444'), '1397')).toMatchObject({ error: { code: 'typed-id-wait', details: { waitSeconds: 1 } } });
    // Swipes are never held up.
    expect(await kiosk.service.authenticate(card('5126'), '2580')).toMatchObject({ ok: true });
  });

  it('an enrolled kiosk grants only half the count while the central store has not counted its failures', async () => {
    kiosk.store.setConfig('auth.max-failed-pin-attempts', '5');
    kiosk.store.outbox.setLive(true);
    expect(await kiosk.service.authenticate(typed('7070'), '1397')).toEqual({ ok: false, error: { code: 'invalid-credentials', message: expect.any(String) } });
    later();
    expect(await kiosk.service.authenticate(typed('7070'), '1397')).toMatchObject({ error: { code: 'locked-out' } });
    const queued = kiosk.store.outbox.pending().map((p) => p.command);
    expect(queued).toEqual([
      { type: 'typed-id-attempt', digest: expect.stringMatching(/^[0-9a-f]{64}$/), masked: '…70', at: expect.any(Number) },
      { type: 'typed-id-attempt', digest: queued[0]!.type === 'typed-id-attempt' ? queued[0]!.digest : '', masked: '…70', at: expect.any(Number) },
    ]);
  });

  it('keeps a keyed digest of the typed number, never the number, and audits the attempts with it masked', async () => {
    await kiosk.addUser({ username: 'ada', primaryCard: '55512345', pin: '2580' });
    for (let i = 0; i < 3; i++, later()) await kiosk.service.authenticate(typed('55512345'), '1397');
    const rows = kiosk.store.db.prepare('SELECT * FROM typed_id_attempts').all() as { digest: string }[];
    expect(rows).toEqual([expect.objectContaining({ digest: expect.stringMatching(/^[0-9a-f]{64}$/), failures: 3 })]);
    expect(rows[0]!.digest).toBe(kiosk.hasher.digestTypedId('55512345'));
    const audit = kiosk.store.uow.repos.audit.query();
    expect(audit.filter((e) => e.kind === 'typed-id.failed')).toHaveLength(3);
    expect(audit.find((e) => e.kind === 'typed-id.failed')).toMatchObject({ outcome: 'failure', username: 'ada', details: { id: '…2345' } });
    expect(audit.find((e) => e.kind === 'typed-id.locked')).toMatchObject({ details: { id: '…2345', lockedUntil: expect.any(Number) } });
    expect(JSON.stringify(audit)).not.toContain('55512345');
    expect(JSON.stringify(kiosk.store.db.prepare('SELECT * FROM kv').all())).not.toContain('55512345');
  });
});
