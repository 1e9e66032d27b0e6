import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KioskEvent, ReaderEntry } from '../../../src/contract/index.js';
import { createHostLogger } from '../../../src/host/hostLogger.js';
import { commandLineReaderEntry, GIVEN_AT_START_READER_ID } from '../../../src/host/launch/commandLineReader.js';
import { openKioskRuntime, type KioskRuntime } from '../../../src/host/kioskRuntime.js';
import { kioskPaths } from '../../../src/store/index.js';
import { createArgon2PinHasher } from '../../../src/pinHashing/index.js';
import { SqliteReaderProfiles } from '../../../src/store/sqliteReaderProfiles.js';
import { cryptoRandomSource, systemClock } from '../../../src/platform/index.js';
import { HostLogCapture } from '../../support/hostKiosk.js';
import { openPtyPair, rdm6300Frame, type PtyPair } from '../../support/e2eSerialPty.js';

/**
 * The technician service inside a real kiosk runtime: SQLite data directory, argon2 with the
 * pepper file, and readers on socat pseudo-terminals through src/devices' serial card sources.
 */

const PIN = '2580';
const ADA_CARD = '0004521337'; // a demo user

type Answer = { ok: boolean; value?: any; error?: any };

interface Kiosk {
  readonly runtime: KioskRuntime;
  readonly dataDir: string;
  readonly events: KioskEvent[];
  readonly logs: HostLogCapture;
  call(method: string, input?: unknown): Promise<Answer>;
  /** Resolves with the first event (already seen or coming) that matches. */
  next<E extends KioskEvent['event']>(event: E, match?: (payload: Extract<KioskEvent, { event: E }>['payload']) => boolean): Promise<Extract<KioskEvent, { event: E }>['payload']>;
  close(): Promise<void>;
}

async function openKiosk(options: { pin?: boolean; serialPaths?: string[]; config?: Record<string, string>; dataDir?: string; givenAtStart?: ReaderEntry } = {}): Promise<Kiosk> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'badgekiosk-technician-host-'));
  const logs = new HostLogCapture();
  const logger = createHostLogger({ level: 'debug', destination: logs });
  const runtimeOptions = { dataDir, logger, serialPaths: options.serialPaths ?? [], ...(options.givenAtStart ? { givenAtStart: options.givenAtStart } : {}) };
  let runtime = await openKioskRuntime(runtimeOptions);
  if (options.pin !== false || options.config) {
    // Configuration as the CLI writes it, then a restart so the host reads it from the store.
    const hasher = await createArgon2PinHasher({ pepperFile: kioskPaths(dataDir).pepper });
    if (options.pin !== false) expect(runtime.store.setConfig('technician.pin-hash', await hasher.hash(PIN)).ok).toBe(true);
    for (const [key, value] of Object.entries(options.config ?? {})) expect(runtime.store.setConfig(key, value).ok).toBe(true);
    await runtime.close();
    runtime = await openKioskRuntime(runtimeOptions);
  }
  const events: KioskEvent[] = [];
  const waiters = new Set<(event: KioskEvent) => void>();
  runtime.host.subscribe((event) => {
    events.push(event);
    for (const waiter of [...waiters]) waiter(event);
  });
  const kiosk: Kiosk = {
    runtime,
    dataDir,
    events,
    logs,
    call: (method, input = {}) => runtime.host.call(method, input, 'test') as Promise<Answer>,
    next(event, match = () => true) {
      const seen = events.find((e) => e.event === event && match(e.payload as never));
      if (seen) return Promise.resolve(seen.payload as never);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${event} event within 10 s`)), 10_000);
        const waiter = (e: KioskEvent) => {
          if (e.event !== event || !match(e.payload as never)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(e.payload as never);
        };
        waiters.add(waiter);
      });
    },
    async close() {
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return kiosk;
}

async function enter(kiosk: Kiosk): Promise<void> {
  expect((await kiosk.call('technicianRequestEntry')).ok).toBe(true);
  const entered = await kiosk.call('technicianEnter', { pin: PIN });
  expect(entered.value?.phase).toBe('active');
}

const rdm = (pty: PtyPair, pipeline = 'substr:2|hex2dec|pad:10'): ReaderEntry => ({ id: 'door', preset: 'rdm6300', path: pty.appPath, pipeline });

async function untilReady(kiosk: Kiosk, readerId: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const overview = await kiosk.call('technicianReaders');
    if (overview.value?.readers.some((r: { entry: ReaderEntry; state: string }) => r.entry.id === readerId && r.state === 'ready')) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`reader ${readerId} never became ready`);
}

describe('technician service in a real kiosk runtime', () => {
  let kiosk: Kiosk | undefined;
  let pty: PtyPair | undefined;
  afterEach(async () => {
    await kiosk?.close();
    await pty?.close();
    kiosk = undefined;
    pty = undefined;
  });

  it('refuses every technician call but the entry ones while technician mode is closed', async () => {
    kiosk = await openKiosk();
    expect((await kiosk.call('technicianGetState')).value).toEqual({ phase: 'off', pinConfigured: true, lockedUntil: null, unsaved: false });
    for (const method of ['technicianReaders', 'technicianDiscover', 'technicianSaveProfile', 'technicianArmTestSwipe', 'technicianExportProfile']) {
      expect((await kiosk.call(method)).error?.code, method).toBe('wrong-step');
    }
    expect((await kiosk.call('technicianApplyReaders', { readers: [] })).error?.code).toBe('wrong-step');
  });

  it('cannot be opened without a technician PIN, nor over someone’s session', async () => {
    kiosk = await openKiosk({ pin: false });
    expect((await kiosk.call('technicianRequestEntry')).error?.code).toBe('not-found');
    await kiosk.close();
    kiosk = await openKiosk();
    expect((await kiosk.call('presentCard', { cardNumber: ADA_CARD })).value?.phase).toBe('enter-pin');
    expect((await kiosk.call('technicianRequestEntry')).error?.code).toBe('wrong-step');
  });

  it('a technician card at the idle screen opens the keypad instead of a session', async () => {
    kiosk = await openKiosk({ config: { 'technician.card-numbers': '99887766' } });
    const answer = await kiosk.call('presentCard', { cardNumber: '99887766' });
    expect(answer.value).toEqual({ phase: 'idle' });
    expect((await kiosk.next('technician')).state.phase).toBe('pin');
    expect((await kiosk.call('beginTypedId', { idNumber: '7001' })).error?.code).toBe('wrong-step');
    expect((await kiosk.call('technicianEnter', { pin: PIN })).value?.phase).toBe('active');
    const audit = kiosk.runtime.store.uow.repos.audit.query({ kind: 'technician.enter' });
    expect(audit.map((e) => [e.outcome, e.details.via])).toEqual([['success', 'card']]);
  });

  it('runs a pty reader live: records only while active, no sign-in, test swipe with the username only, save and restart', async () => {
    pty = await openPtyPair(mkdtempSync(path.join(os.tmpdir(), 'badgekiosk-pty-')));
    kiosk = await openKiosk({ serialPaths: [pty.appPath] });
    await enter(kiosk);
    const discovered = await kiosk.call('technicianDiscover');
    expect(discovered.value?.devices).toContainEqual({ channel: 'serial', path: pty.appPath, origin: 'extra' });

    const applied = await kiosk.call('technicianApplyReaders', { readers: [rdm(pty)] });
    expect(applied.value?.unsaved).toBe(true);
    await untilReady(kiosk, 'door');
    pty.write(rdm6300Frame(ADA_CARD));
    const record = await kiosk.next('technicianRecord');
    expect(record).toMatchObject({ readerId: 'door', verdict: 'card', raw: '000044FD79', cardNumber: ADA_CARD });
    // A card during technician mode signs nobody in.
    expect(kiosk.events.filter((e) => e.event === 'session')).toEqual([]);

    expect((await kiosk.call('technicianArmTestSwipe')).ok).toBe(true);
    pty.write(rdm6300Frame('0000000042'));
    pty.write(rdm6300Frame(ADA_CARD));
    expect(await kiosk.next('technicianTestSwipe')).toMatchObject({ readerId: 'door', cardNumber: '0000000042', username: null });
    expect((await kiosk.call('technicianArmTestSwipe')).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past the debounce window of the same card
    pty.write(rdm6300Frame(ADA_CARD));
    expect(await kiosk.next('technicianTestSwipe', (p) => p.username !== null)).toMatchObject({ cardNumber: ADA_CARD, username: 'ada' });

    const saved = await kiosk.call('technicianSaveProfile');
    expect(saved.value?.central).toBe('standalone');
    expect((await kiosk.call('technicianGetState')).value?.unsaved).toBe(false);
    expect((await kiosk.call('technicianLeave')).value?.phase).toBe('off');

    // After leaving, the saved reader signs people in, and nothing of the live view is announced.
    const recordsBefore = kiosk.events.filter((e) => e.event === 'technicianRecord').length;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    pty.write(rdm6300Frame(ADA_CARD));
    expect((await kiosk.next('session')).session.phase).toBe('enter-pin');
    expect(kiosk.events.filter((e) => e.event === 'technicianRecord')).toHaveLength(recordsBefore);

    const kinds = kiosk.runtime.store.uow.repos.audit.query().map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['technician.enter', 'technician.change', 'technician.exit']));
    const store = new SqliteReaderProfiles(kiosk.runtime.store, systemClock, cryptoRandomSource);
    expect(store.load()?.profile.readers).toEqual([rdm(pty)]);
    expect(kiosk.logs.text).not.toContain(ADA_CARD);

    // The next start runs the saved reader by itself: nobody opens technician mode again.
    const { dataDir } = kiosk;
    await kiosk.runtime.close();
    kiosk = await openKiosk({ dataDir, pin: false });
    // Polled from the state: the reader may be ready before this test subscribes to events.
    const doorReady = async () => (await kiosk!.call('getState')).value?.reader.readers.some((r: { id: string; state: string }) => r.id === 'door' && r.state === 'ready');
    for (let i = 0; i < 400 && !(await doorReady()); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(await doorReady()).toBe(true);
    pty.write(rdm6300Frame(ADA_CARD));
    expect((await kiosk.next('session')).session.phase).toBe('enter-pin');
  });

  it('keyboard-wedge bursts from the technician screens join the live view and answer a test swipe', async () => {
    kiosk = await openKiosk();
    expect((await kiosk.call('technicianWedgeRead', { text: ADA_CARD, verdict: 'card' })).error?.code).toBe('wrong-step');
    await enter(kiosk);
    expect((await kiosk.call('technicianReaders')).value?.keyboardWedge).toBe(true);
    await kiosk.call('technicianWedgeRead', { text: '12', verdict: 'typed' });
    expect(await kiosk.next('technicianRecord')).toMatchObject({ readerId: 'keyboard-wedge', verdict: 'rejected', frameHex: '31 32', cardNumber: null });
    await kiosk.call('technicianArmTestSwipe');
    await kiosk.call('technicianWedgeRead', { text: ADA_CARD, verdict: 'card' });
    expect(await kiosk.next('technicianTestSwipe')).toMatchObject({ readerId: 'keyboard-wedge', cardNumber: ADA_CARD, username: 'ada' });
    expect((await kiosk.call('technicianRecentRecords')).value?.records.map((r: { verdict: string }) => r.verdict)).toEqual(['rejected', 'card']);
    expect((await kiosk.call('technicianWedgeRead', { text: 'bad\u0007', verdict: 'card' })).error?.code).toBe('bad-request');
  });

  it('the reader given on the command line is listed "given at start", feeds the live view, and a technician can replace it for good', async () => {
    pty = await openPtyPair(mkdtempSync(path.join(os.tmpdir(), 'badgekiosk-pty-')));
    const given = commandLineReaderEntry({ preset: 'rdm6300', port: pty.appPath });
    if (!given.ok) throw new Error(given.error);
    kiosk = await openKiosk({ givenAtStart: given.value });
    await enter(kiosk);
    const overview = (await kiosk.call('technicianReaders')).value;
    expect(overview.readers).toEqual([expect.objectContaining({ entry: given.value, givenAtStart: true })]);
    expect(overview.unsaved).toBe(false);
    await untilReady(kiosk, GIVEN_AT_START_READER_ID);
    pty.write(rdm6300Frame(ADA_CARD));
    expect(await kiosk.next('technicianRecord')).toMatchObject({ readerId: GIVEN_AT_START_READER_ID, verdict: 'card', cardNumber: ADA_CARD });

    // Replaced by a configured reader on the same port, and saved: the next start with the same flags keeps it.
    const replaced = await kiosk.call('technicianApplyReaders', { readers: [rdm(pty)] });
    expect(replaced.value.readers).toEqual([expect.not.objectContaining({ givenAtStart: true })]);
    expect(replaced.value.unsaved).toBe(true);
    await kiosk.call('technicianSaveProfile');
    await kiosk.call('technicianLeave');
    const { dataDir } = kiosk;
    await kiosk.runtime.close();
    kiosk = await openKiosk({ dataDir, pin: false, givenAtStart: given.value });
    await enter(kiosk);
    const after = (await kiosk.call('technicianReaders')).value;
    expect(after.readers.map((r: { entry: ReaderEntry }) => r.entry)).toEqual([rdm(pty)]);
    expect(after.unsaved).toBe(false);
    expect(kiosk.logs.text).toContain('the reader given at start was not started: a saved reader uses its port');
  });

  it('leaving discards unsaved reader changes and restores the saved profile', async () => {
    pty = await openPtyPair(mkdtempSync(path.join(os.tmpdir(), 'badgekiosk-pty-')));
    kiosk = await openKiosk();
    await enter(kiosk);
    await kiosk.call('technicianApplyReaders', { readers: [rdm(pty)] });
    await kiosk.call('technicianSaveProfile');
    await kiosk.call('technicianApplyReaders', { readers: [rdm(pty, 'substr:2|hex2dec')] });
    expect((await kiosk.call('technicianGetState')).value?.unsaved).toBe(true);
    await kiosk.call('technicianLeave');
    await enter(kiosk);
    const overview = await kiosk.call('technicianReaders');
    expect(overview.value?.readers.map((r: { entry: ReaderEntry }) => r.entry.pipeline)).toEqual(['substr:2|hex2dec|pad:10']);
    expect(overview.value?.unsaved).toBe(false);
  });

  it('refuses a reader that cannot work, and an imported file that is not a profile, naming what is wrong', async () => {
    kiosk = await openKiosk();
    await enter(kiosk);
    const bad = await kiosk.call('technicianApplyReaders', { readers: [{ id: 'x', preset: 'rdm6300', path: '/dev/ttyUSB9', pipeline: 'hex2dec|pad:0' }] });
    expect(bad.error).toMatchObject({ code: 'invalid-input', message: 'Reader x: pipeline step 2 (pad:0): pad needs a width from 1 to 64, e.g. pad:10' });
    const imported = await kiosk.call('technicianImportProfile', { json: JSON.stringify({ format: 'badgekiosk.reader-profile', version: 2, readers: [] }) });
    expect(imported.error?.message).toContain('version: version must be 1');
    expect((await kiosk.call('technicianReaders')).value?.readers).toEqual([]);
  });

  it('proposes pipelines from samples and explains samples it cannot search', async () => {
    kiosk = await openKiosk();
    await enter(kiosk);
    const found = await kiosk.call('technicianSuggestPipelines', {
      samples: [
        { raw: '26DEFAE7', expected: '3891977766' },
        { raw: '04A23C1A', expected: String(0x1a3ca204) },
      ],
    });
    expect(found.value?.proposals[0]).toEqual({ pipeline: 'reverse-bytes|hex2dec', steps: 2 });
    const refused = await kiosk.call('technicianSuggestPipelines', { samples: [{ raw: 'x'.repeat(300), expected: '1' }] });
    expect(refused.error?.code).toBe('bad-request');
  });

  it('returns to the idle screen by itself after technician.idle-timeout-seconds', async () => {
    kiosk = await openKiosk({ config: { 'technician.idle-timeout-seconds': '30' } });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await enter(kiosk);
      await vi.advanceTimersByTimeAsync(29_000);
      expect((await kiosk.call('technicianGetState')).value?.phase).toBe('active');
      await vi.advanceTimersByTimeAsync(31_000);
      expect((await kiosk.call('technicianGetState')).value?.phase).toBe('off');
      expect(await kiosk.next('technician', (p) => p.left !== null)).toMatchObject({ left: { reason: 'idle' } });
    } finally {
      vi.useRealTimers();
    }
  });
});
