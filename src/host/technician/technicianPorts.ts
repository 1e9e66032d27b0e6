import type { DiscoveredDeviceView, LiveRecord, PipelineSuggestions, PresetView, ReaderEntry, ReaderProfile } from '../../contract/index.js';
import type { AuditEvent, Result } from '../../core/index.js';

/**
 * What technician mode needs from outside the host, as narrow ports: the reader drivers of
 * src/devices (devicesReaderDriver.ts adapts them), the kiosk's store, and the host's reader board.
 */

export type ReaderRunState = 'connected' | 'disconnected' | 'error';

/** What a reader sent, accepted or not (src/devices ReaderRecordEvent). */
export interface SourceRecord {
  readonly reader: string;
  readonly at: number;
  readonly verdict: LiveRecord['verdict'];
  readonly frameHex: string;
  readonly raw?: string;
  readonly cardNumber?: string;
  readonly reason?: string;
  readonly count?: number;
}

/** A started reader as technician mode sees it: the src/devices CardSource fits as is. */
export interface TechnicianCardSource {
  readonly reader: string;
  readonly status: ReaderRunState;
  on(event: 'card', listener: (read: { readonly reader: string; readonly cardNumber: string; readonly at: number }) => void): () => void;
  on(event: 'status', listener: (status: { readonly reader: string; readonly status: ReaderRunState; readonly message?: string }) => void): () => void;
  on(event: 'record', listener: (record: SourceRecord) => void): () => void;
  start(): void;
  stop(): Promise<void>;
}

/** A reader entry checked in depth by the driver, ready to open. */
export interface CheckedReader {
  readonly entry: ReaderEntry;
  readonly kind: 'serial' | 'hid';
}

export interface ReaderDriver {
  presets(): readonly PresetView[];
  /** Checks everything that could fail later (preset, pipeline, path, parameters); the refusal names what. */
  check(entry: ReaderEntry): Result<CheckedReader, string>;
  open(reader: CheckedReader): TechnicianCardSource;
  /** Pipeline change without reopening the port, when the source supports it. */
  setPipeline?(source: TechnicianCardSource, reader: CheckedReader): boolean;
  discover(): Promise<{ readonly devices: readonly Omit<DiscoveredDeviceView, 'origin'>[]; readonly warnings: readonly string[] }>;
  /** Learn from samples; a refusal says what is wrong with the samples. */
  suggestPipelines(samples: readonly { readonly raw: string; readonly expected: string }[]): Result<PipelineSuggestions, string>;
}

/** The host's reader board: attach starts a reader (its cards sign people in), detach stops it. */
export interface ReaderAttachment {
  attach(source: TechnicianCardSource, info: { readonly kind: 'serial' | 'hid'; readonly label: string }): void;
  detach(readerId: string): Promise<void>;
}

export interface TechnicianLock {
  readonly failedAttempts: number;
  readonly lockedUntil: number | null;
}

/** Wrong technician PINs, kept in the kiosk's store so a restart does not reset the count. */
export interface TechnicianLockStore {
  read(): TechnicianLock;
  write(lock: TechnicianLock, audit: AuditEvent): void;
}

export interface StoredReaderProfile {
  readonly profile: ReaderProfile;
  readonly savedAt: number;
}

export interface ReaderProfileStore {
  load(): StoredReaderProfile | undefined;
  /**
   * Saves the profile, its audit row and (on an enrolled kiosk) the outbox command for the central
   * store in one transaction. central: queued when the outbox will send it, standalone otherwise.
   */
  save(profile: ReaderProfile, audit: AuditEvent): { readonly savedAt: number; readonly central: 'queued' | 'standalone' };
}

export interface TechnicianAudit {
  append(event: AuditEvent): void;
}

/** Test swipes show the matched user's username only. */
export interface CardOwnerLookup {
  usernameForCard(cardNumber: string): string | null;
}
