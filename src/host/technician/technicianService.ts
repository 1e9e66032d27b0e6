import type { Logger } from 'pino';
import {
  contractError,
  KEYBOARD_WEDGE_READER,
  readerProfileOf,
  type ContractError,
  type ContractResult,
  type DiscoveredDeviceView,
  type KioskEvent,
  type PipelineSuggestions,
  type ReaderEntry,
  type ReadersOverview,
  type TechnicianLeaveReason,
  type TechnicianState,
} from '../../contract/index.js';
import type { Clock, ConfigSource, PinHasher, RandomSource } from '../../core/index.js';
import { exportReaderProfile, parseReaderProfileText } from './readerProfileFile.js';
import { ReaderWorkbench, type ReaderProblem } from './readerWorkbench.js';
import { TechnicianAccess, type EntryTrigger } from './technicianAccess.js';
import type {
  CardOwnerLookup, ReaderAttachment, ReaderDriver, ReaderProfileStore, TechnicianAudit, TechnicianLockStore,
} from './technicianPorts.js';

export interface TechnicianServiceDeps {
  readonly config: ConfigSource;
  readonly pinHasher: PinHasher;
  readonly lockStore: TechnicianLockStore;
  readonly profiles: ReaderProfileStore;
  readonly audit: TechnicianAudit;
  readonly owners: CardOwnerLookup;
  readonly driver: ReaderDriver;
  readonly attachment: ReaderAttachment;
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly kioskId: string | null;
  readonly logger: Logger;
  readonly emit: (event: KioskEvent) => void;
  /** Serial paths to offer besides what the OS lists (pseudo-terminals are never listed). */
  readonly extraSerialPaths?: readonly string[];
  /** Keystroke cards are decoded in the kiosk window (the renderer reports them with technicianWedgeRead). */
  readonly keyboardWedge?: boolean;
}

/** What the kiosk's composition root provides; the host adds config, events and its reader board. */
export type TechnicianHostDeps = Omit<TechnicianServiceDeps, 'config' | 'kioskId' | 'logger' | 'emit' | 'attachment' | 'keyboardWedge'>;

type Answer<T> = Promise<ContractResult<T>>;

const NOT_ACTIVE = contractError('wrong-step', 'Technician mode is not active.');

function invalidReader(problem: ReaderProblem): ContractError {
  return contractError('invalid-input', `Reader ${problem.readerId}: ${problem.message}`, { readerId: problem.readerId });
}

/**
 * Technician mode on the host: entry (TechnicianAccess), the readers (ReaderWorkbench), saving the
 * reader profile, test swipes, and the technician idle timeout. While technician mode is open,
 * reader cards go to the live view and never sign anyone in.
 */
export class TechnicianService {
  readonly workbench: ReaderWorkbench;
  private readonly access: TechnicianAccess;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private testSwipeArmed = false;
  private savedAt: number | null = null;
  /** What ran at start, or was saved since: "unsaved" compares with it, leaving unsaved goes back to it. */
  private savedJson = JSON.stringify([]);
  /** The serial reader given on the command line, while it runs as given. */
  private givenAtStart: string | null = null;

  constructor(private readonly deps: TechnicianServiceDeps) {
    this.access = new TechnicianAccess(deps);
    this.workbench = new ReaderWorkbench({
      driver: deps.driver,
      attachment: deps.attachment,
      logger: deps.logger,
      onRecord: (record) => {
        if (this.access.phase !== 'active') return;
        this.emit({ event: 'technicianRecord', payload: record });
      },
    });
  }

  /**
   * Starts the saved profile's readers, and the reader given on the command line beside them. A
   * saved reader on the same port wins: it is how a technician replaced the one given at start.
   * A saved reader that no longer checks out is logged and skipped.
   */
  async startSavedReaders(givenAtStart: ReaderEntry | null = null): Promise<void> {
    let saved: readonly ReaderEntry[] = [];
    try {
      const stored = this.deps.profiles.load();
      if (stored) {
        this.savedAt = stored.savedAt;
        saved = stored.profile.readers;
      }
    } catch (error) {
      // A damaged profile must not keep the kiosk from starting: typed IDs and the wedge still work.
      this.deps.logger.error({ err: error }, 'the saved reader profile could not be read; no saved readers started');
    }
    const clash = givenAtStart ? saved.find((entry) => entry.id === givenAtStart.id || (entry.path !== undefined && entry.path === givenAtStart.path)) : undefined;
    if (clash) this.deps.logger.warn({ reader: clash.id, port: givenAtStart?.path }, 'the reader given at start was not started: a saved reader uses its port');
    const extra = givenAtStart && !clash ? [givenAtStart] : [];
    const usable: ReaderEntry[] = [];
    for (const entry of saved) {
      const checked = this.deps.driver.check(entry);
      if (checked.ok) usable.push(entry);
      else this.deps.logger.error({ reader: entry.id, problem: checked.error }, 'a saved reader was skipped');
    }
    this.givenAtStart = givenAtStart ? JSON.stringify(givenAtStart) : null;
    this.savedJson = JSON.stringify([...saved, ...extra]);
    if (saved.length + extra.length > 0) await this.workbench.apply([...usable, ...extra]);
  }

  state(): TechnicianState {
    return {
      phase: this.access.phase,
      pinConfigured: this.access.pinConfigured(),
      lockedUntil: this.access.lockedUntil(),
      unsaved: this.unsaved(),
    };
  }

  get active(): boolean {
    return this.access.phase === 'active';
  }

  /**
   * Reader cards pass here first. Returns true when technician mode took the card: a technician
   * card at the idle screen opens the keypad; while the keypad or the technician screens are up,
   * no card signs anyone in, and an armed test swipe answers with the matched username.
   */
  interceptCard(read: { readonly reader: string; readonly cardNumber: string; readonly at: number }, sessionIdle: boolean): boolean {
    if (this.access.phase === 'off') {
      if (!sessionIdle || !this.access.isTechnicianCard(read.cardNumber)) return false;
      const opened = this.access.requestEntry('card');
      if (opened.ok) this.announce(null);
      return true;
    }
    if (this.access.phase === 'active') {
      this.activity();
      this.answerTestSwipe(read);
    }
    return true;
  }

  /** A keyboard-wedge burst decoded by the technician screens: into the live view, and a test swipe. */
  wedgeRead(text: string, verdict: 'card' | 'typed'): ContractResult<Record<string, never>> {
    const at = this.deps.clock.now();
    const frameHex = Array.from(text, (c) => c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()).join(' ');
    const record = this.workbench.addRecord(
      verdict === 'card'
        ? { reader: KEYBOARD_WEDGE_READER, at, verdict: 'card', frameHex, raw: text, cardNumber: text }
        : { reader: KEYBOARD_WEDGE_READER, at, verdict: 'rejected', frameHex, reason: 'typed too slowly for a reader (a person typing?)' },
    );
    if (record) this.emit({ event: 'technicianRecord', payload: record });
    if (verdict === 'card') this.answerTestSwipe({ reader: KEYBOARD_WEDGE_READER, cardNumber: text, at });
    return { ok: true, value: {} };
  }

  private answerTestSwipe(read: { readonly reader: string; readonly cardNumber: string; readonly at: number }): void {
    if (!this.testSwipeArmed) return;
    this.testSwipeArmed = false;
    const username = this.deps.owners.usernameForCard(read.cardNumber);
    this.emit({ event: 'technicianTestSwipe', payload: { readerId: read.reader, cardNumber: read.cardNumber, username, at: Math.trunc(read.at) } });
  }

  async requestEntry(trigger: EntryTrigger, sessionIdle: boolean): Answer<TechnicianState> {
    if (!sessionIdle) return { ok: false, error: contractError('wrong-step', 'Technician mode opens from the idle screen only.') };
    const opened = this.access.requestEntry(trigger);
    if (!opened.ok) return opened;
    this.announce(null);
    this.restartIdle();
    return { ok: true, value: this.state() };
  }

  async enter(pin: string): Answer<TechnicianState> {
    const entered = await this.access.enter(pin);
    if (!entered.ok) {
      if (this.access.phase === 'off') this.announce(null);
      return entered;
    }
    this.workbench.setRecording(true);
    this.restartIdle();
    this.announce(null);
    return { ok: true, value: this.state() };
  }

  async leave(reason: TechnicianLeaveReason): Answer<TechnicianState> {
    if (this.access.phase === 'off') return { ok: true, value: this.state() };
    clearTimeout(this.idleTimer);
    this.testSwipeArmed = false;
    this.workbench.setRecording(false);
    const wasActive = this.access.phase === 'active';
    this.access.leave(wasActive ? reason : 'cancel');
    if (wasActive && this.unsaved()) await this.revertToSaved();
    this.announce({ reason: wasActive ? reason : 'cancel' });
    return { ok: true, value: this.state() };
  }

  /** Runs fn only in technician mode, counting the call as activity. */
  whenActive<T>(fn: () => Answer<T> | ContractResult<T>): Answer<T> {
    if (this.access.phase !== 'active') return Promise.resolve({ ok: false, error: NOT_ACTIVE });
    this.activity();
    return Promise.resolve(fn());
  }

  touch(): Answer<Record<string, never>> {
    if (this.access.phase !== 'off') this.activity();
    return Promise.resolve({ ok: true, value: {} });
  }

  async discover(): Answer<{ devices: DiscoveredDeviceView[]; warnings: string[] }> {
    const found = await this.deps.driver.discover();
    const devices: DiscoveredDeviceView[] = found.devices.map((d) => ({ ...d, origin: 'system' }));
    const known = new Set(devices.map((d) => d.path));
    const add = (path: string, origin: 'configured' | 'extra') => {
      if (known.has(path)) return;
      known.add(path);
      devices.push({ channel: 'serial', path, origin });
    };
    for (const entry of this.workbench.entries()) if (entry.path) add(entry.path, 'configured');
    for (const path of this.deps.extraSerialPaths ?? []) add(path, 'extra');
    return { ok: true, value: { devices, warnings: [...found.warnings] } };
  }

  overview(): ReadersOverview {
    return {
      readers: this.workbench.readers().map((reader) => (JSON.stringify(reader.entry) === this.givenAtStart ? { ...reader, givenAtStart: true } : reader)),
      presets: [...this.deps.driver.presets()],
      savedAt: this.savedAt,
      unsaved: this.unsaved(),
      keyboardWedge: this.deps.keyboardWedge ?? false,
    };
  }

  async applyReaders(readers: readonly ReaderEntry[]): Answer<ReadersOverview> {
    const applied = await this.workbench.apply(readers);
    if (!applied.ok) return { ok: false, error: invalidReader(applied.error) };
    this.announce(null);
    return { ok: true, value: this.overview() };
  }

  save(): ContractResult<{ savedAt: number; central: 'queued' | 'standalone' }> {
    const readers = this.workbench.entries();
    const event = this.access.changeEvent({ what: 'reader-profile', readers: readers.length, pipelines: readers.map((r) => r.pipeline || '(none)').join(' ; ').slice(0, 400) });
    const saved = this.deps.profiles.save(readerProfileOf(readers), event);
    this.savedAt = saved.savedAt;
    this.savedJson = JSON.stringify(readers);
    this.announce(null);
    return { ok: true, value: { savedAt: saved.savedAt, central: saved.central } };
  }

  suggestPipelines(samples: readonly { readonly raw: string; readonly expected: string }[]): ContractResult<PipelineSuggestions> {
    const found = this.deps.driver.suggestPipelines(samples);
    return found.ok ? found : { ok: false, error: contractError('invalid-input', `The samples cannot be searched: ${found.error}`) };
  }

  armTestSwipe(): ContractResult<Record<string, never>> {
    this.testSwipeArmed = true;
    return { ok: true, value: {} };
  }

  exportProfile(): ContractResult<{ fileName: string; json: string }> {
    return { ok: true, value: exportReaderProfile(readerProfileOf(this.workbench.entries()), this.deps.kioskId, this.deps.clock.now()) };
  }

  async importProfile(json: string): Answer<ReadersOverview> {
    const parsed = parseReaderProfileText(json, (entry) => this.deps.driver.check(entry));
    if (!parsed.ok) return { ok: false, error: contractError('invalid-input', parsed.error) };
    return this.applyReaders(parsed.value.readers);
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    await this.workbench.close();
  }

  private unsaved(): boolean {
    return JSON.stringify(this.workbench.entries()) !== this.savedJson;
  }

  private async revertToSaved(): Promise<void> {
    const saved = JSON.parse(this.savedJson) as ReaderEntry[];
    const reverted = await this.workbench.apply(saved);
    if (!reverted.ok) this.deps.logger.error({ reader: reverted.error.readerId, problem: reverted.error.message }, 'the saved readers could not be restored');
  }

  private activity(): void {
    this.restartIdle();
  }

  private restartIdle(): void {
    clearTimeout(this.idleTimer);
    const seconds = this.deps.config.get('technician.idle-timeout-seconds');
    this.idleTimer = setTimeout(() => void this.leave('idle'), seconds * 1000);
  }

  private announce(left: { reason: TechnicianLeaveReason } | null): void {
    this.emit({ event: 'technician', payload: { state: this.state(), left } });
  }

  private emit(event: KioskEvent): void {
    this.deps.emit(event);
  }
}
