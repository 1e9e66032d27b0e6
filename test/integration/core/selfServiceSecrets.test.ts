import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { kioskPaths } from '../../../src/store/index.js';
import { openKioskFixture, type KioskFixture } from '../../support/domainStore.js';

// Eight digits, no runs or repeats: distinctive enough that a chance match elsewhere is ~1e-8.
const PINS = ['48271593', '59382614', '60493725', '71504836'];

describe('no PIN or PIN hash in any log line, audit row or error text', () => {
  let kiosk: KioskFixture;
  const logged: string[] = [];
  const spies: { mockRestore(): void }[] = [];

  beforeAll(async () => {
    kiosk = await openKioskFixture({ kioskId: 'kiosk-secrets' });
    // Capture everything the flows might print, on every channel a log could take.
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      spies.push(vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))));
    }
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      spies.push(
        vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
          logged.push(String(chunk));
          return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
        }) as typeof stream.write),
      );
    }
  });
  afterAll(() => {
    for (const spy of spies) spy.mockRestore();
    kiosk.close();
  });

  it('holds for a full run of every flow, successes and refusals alike', async () => {
    const { service, store } = kiosk;
    const [first, second, third, wrong] = PINS as [string, string, string, string];
    const results: unknown[] = [];
    const run = async (result: Promise<unknown> | unknown) => results.push(await result);
    store.outbox.setLive(true);
    store.setConfig('auth.max-failed-pin-attempts', '3');
    store.setConfig('user.change-card-id.auto-generate-only', 'false');
    store.setConfig('user.can-change-card-id.num-times-per-day', '2');

    const ada = await kiosk.addUser({ username: 'ada', primaryCard: '11110001' });
    const bob = await kiosk.addUser({ username: 'bob', primaryCard: '11110002', pin: first });
    const card = { via: 'card', cardNumber: '11110001' } as const;

    await run(service.identifyCard('11110001'));
    await run(service.identifyCard('99990000'));
    await run(service.setFirstPin({ via: 'id', cardNumber: '11110001' }, first, first));
    await run(service.setFirstPin(card, first, second));
    await run(service.setFirstPin(card, '1234', '1234'));
    await run(service.setFirstPin(card, first, first));
    await run(service.authenticate(card, first));
    await run(service.authenticate(card, wrong));
    await run(service.authenticate({ via: 'id', cardNumber: '11110001' }, wrong));
    await run(service.authenticate({ via: 'id', cardNumber: '404' }, first));
    await run(service.authenticate({ via: 'card', cardNumber: '404' }, first));
    await run(service.authenticate(card, first));
    await run(service.changePin(ada.id, wrong, second, second));
    await run(service.changePin(ada.id, first, first, first));
    await run(service.changePin(ada.id, first, second, third));
    await run(service.changePin(ada.id, first, second, second));
    await run(service.regenerateCard(ada.id));
    await run(service.setCard(ada.id, '11110002'));
    await run(service.setCard(ada.id, '22220001'));
    await run(service.regenerateCard(ada.id));
    await run(service.allowedActions(ada.id));
    for (let i = 0; i < 4; i++) await run(service.authenticate({ via: 'card', cardNumber: '11110002' }, wrong));
    await run(service.changePin(bob.id, first, second, second));
    await run(store.setConfig('pin.min-length', '99'));

    const hashes = store.db.prepare<[], string>('SELECT pin_hash FROM users WHERE pin_hash IS NOT NULL').pluck().all();
    expect(hashes).toHaveLength(2);
    // The outbox carries the new hash to the central store by design (DESIGN §5); it is checked for PINs only.
    const outbox = store.db.prepare<[], string>('SELECT body FROM outbox').pluck().all();
    expect(outbox.some((body) => hashes.some((hash) => body.includes(hash)))).toBe(true);

    const tables = ['audit', 'card_changes', 'config', 'kv'].map((table) => JSON.stringify(store.db.prepare(`SELECT * FROM ${table}`).all()));
    const auditRows = store.uow.repos.audit.query();
    expect(auditRows.length).toBeGreaterThan(25);
    expect(auditRows.some((e) => e.outcome === 'failure') && auditRows.some((e) => e.outcome === 'success')).toBe(true);
    const errorTexts = JSON.stringify(results);
    expect(errorTexts).toContain("wrong-pin");

    const haystacks = { logs: logged.join('\n'), audit: tables.join('\n'), errors: errorTexts };
    for (const [where, text] of Object.entries(haystacks)) {
      for (const pin of PINS) expect(text.includes(pin), `${where} holds a PIN`).toBe(false);
      for (const hash of hashes) expect(text.includes(hash), `${where} holds a PIN hash`).toBe(false);
      expect(text.includes('$argon2'), `${where} holds something shaped like a PIN hash`).toBe(false);
    }
    for (const body of outbox) for (const pin of PINS) expect(body.includes(pin)).toBe(false);

    // No PIN is stored in clear anywhere on disk: database, WAL and shared-memory files.
    store.db.pragma('wal_checkpoint(PASSIVE)');
    const dir = path.dirname(kioskPaths(path.dirname(store.file)).db);
    for (const file of readdirSync(dir).filter((name) => name.startsWith('kiosk.sqlite'))) {
      const bytes = readFileSync(path.join(dir, file)).toString('latin1');
      for (const pin of PINS) expect(bytes.includes(pin), `${file} holds a PIN`).toBe(false);
    }
  });
});
