import type { Logger } from 'pino';
import type { LiveRecord, ReaderEntry, ReadersOverview } from '../../contract/index.js';
import { err, ok, type Result } from '../../core/index.js';
import { LiveRecords } from './liveRecords.js';
import type { CheckedReader, ReaderAttachment, ReaderDriver, ReaderRunState, SourceRecord, TechnicianCardSource } from './technicianPorts.js';

interface Running {
  checked: CheckedReader;
  source: TechnicianCardSource;
  state: ReaderRunState;
  message: string | undefined;
  offs: (() => void)[];
}

export interface ReaderProblem {
  readonly readerId: string;
  readonly message: string;
}

export interface ReaderWorkbenchDeps {
  readonly driver: ReaderDriver;
  readonly attachment: ReaderAttachment;
  readonly logger: Logger;
  /** A record arrived while recording is on (technician mode active). */
  readonly onRecord: (record: LiveRecord) => void;
}

const RUN_STATE = { connected: 'ready', disconnected: 'disconnected', error: 'error' } as const;

function sameExceptPipeline(a: ReaderEntry, b: ReaderEntry): boolean {
  return JSON.stringify({ ...a, pipeline: '' }) === JSON.stringify({ ...b, pipeline: '' });
}

/**
 * The readers this kiosk runs: started from the saved profile at start-up, replaced live while a
 * technician edits (a pipeline-only change keeps the port open, so the next swipe already uses
 * it), and the live records of each reader while technician mode records them.
 */
export class ReaderWorkbench {
  private readonly running = new Map<string, Running>();
  private readonly records = new LiveRecords();
  private recording = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: ReaderWorkbenchDeps) {}

  /** Checks every entry before touching a running reader: all of them apply, or none. */
  check(entries: readonly ReaderEntry[]): Result<CheckedReader[], ReaderProblem> {
    const checked: CheckedReader[] = [];
    for (const entry of entries) {
      const result = this.deps.driver.check(entry);
      if (!result.ok) return err({ readerId: entry.id, message: result.error });
      checked.push(result.value);
    }
    return ok(checked);
  }

  /** Runs exactly these readers; calls are serialised so two quick edits cannot interleave. */
  apply(entries: readonly ReaderEntry[]): Promise<Result<void, ReaderProblem>> {
    const checked = this.check(entries);
    if (!checked.ok) return Promise.resolve(checked);
    const next = this.queue.then(() => this.swap(checked.value));
    this.queue = next.catch(() => undefined);
    return next.then(() => ok(undefined));
  }

  entries(): ReaderEntry[] {
    return [...this.running.values()].map((r) => r.checked.entry);
  }

  readers(): ReadersOverview['readers'] {
    return [...this.running.values()].map((r) => ({
      entry: r.checked.entry,
      state: RUN_STATE[r.state],
      ...(r.message === undefined || r.state === 'connected' ? {} : { message: r.message }),
    }));
  }

  /** A record from outside the workbench's own sources (the keyboard wedge), kept only while recording. */
  addRecord(record: SourceRecord): LiveRecord | undefined {
    if (!this.recording) return undefined;
    return this.records.add(record);
  }

  setRecording(on: boolean): void {
    this.recording = on;
    if (!on) this.records.clear();
  }

  recent(): LiveRecord[] {
    return this.records.all();
  }

  async close(): Promise<void> {
    await this.queue;
    await Promise.all([...this.running.keys()].map((id) => this.stopOne(id)));
    this.records.clear();
  }

  private async swap(wanted: readonly CheckedReader[]): Promise<void> {
    const wantedIds = new Set(wanted.map((w) => w.entry.id));
    for (const id of [...this.running.keys()]) if (!wantedIds.has(id)) await this.stopOne(id);
    for (const reader of wanted) {
      const current = this.running.get(reader.entry.id);
      if (current && JSON.stringify(current.checked.entry) === JSON.stringify(reader.entry)) continue;
      if (current && sameExceptPipeline(current.checked.entry, reader.entry) && this.deps.driver.setPipeline?.(current.source, reader)) {
        current.checked = reader;
        continue;
      }
      if (current) await this.stopOne(reader.entry.id);
      this.startOne(reader);
    }
  }

  private startOne(checked: CheckedReader): void {
    const source = this.deps.driver.open(checked);
    const run: Running = { checked, source, state: source.status, message: undefined, offs: [] };
    run.offs.push(
      source.on('status', (status) => {
        run.state = status.status;
        run.message = status.message;
      }),
      source.on('record', (record) => {
        if (!this.recording) return;
        this.deps.onRecord(this.records.add({ ...record, reader: checked.entry.id }));
      }),
    );
    this.running.set(checked.entry.id, run);
    const { entry } = checked;
    this.deps.attachment.attach(source, { kind: checked.kind, label: entry.label ?? `${entry.preset} on ${entry.path ?? entry.hid ?? entry.id}` });
  }

  private async stopOne(id: string): Promise<void> {
    const run = this.running.get(id);
    if (!run) return;
    this.running.delete(id);
    run.offs.forEach((off) => off());
    this.records.forget(id);
    try {
      await this.deps.attachment.detach(id);
    } catch (error) {
      this.deps.logger.warn({ err: error, reader: id }, 'a reader did not stop cleanly');
    }
  }
}
