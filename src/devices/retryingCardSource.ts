import {
  CardSourceEmitter, type CardSource, type CardSourceEvents, type ReaderStatus,
} from './cardSource.js';
import type { Framer } from './framer.js';
import type { Pipeline } from './pipeline.js';
import { ReaderRecords } from './readerRecords.js';

export interface ReconnectSettings {
  /** First retry delay after an unplug or a failed open. Default 250 ms. */
  readonly initialMs?: number;
  /** Back-off doubles up to this. Default 5000 ms. */
  readonly maxMs?: number;
}

export interface OpenedDevice {
  close(): Promise<void>;
}

export interface DeviceCallbacks {
  data(chunk: Uint8Array): void;
  /** The device went away (serial close with `disconnected`, HID read error). */
  lost(message: string): void;
}

const CLOSE_TIMEOUT_MS = 1000;

/** Closing can hang on Unix after write timeouts (readers.md §4.2): never wait for it forever. */
export async function closeWithin(device: OpenedDevice, ms = CLOSE_TIMEOUT_MS): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    device.close().catch(() => undefined),
    new Promise<void>((resolve) => { timer = setTimeout(resolve, ms); }),
  ]);
  clearTimeout(timer);
}

/**
 * The lifecycle every hardware reader shares: open, frame and convert data, and on unplug report
 * `disconnected` and retry with back-off until the device is back (readers.md §4.2, §4.3), without
 * restarting anything. Subclasses only know how to open their device.
 */
export abstract class RetryingCardSource implements CardSource {
  private readonly events = new CardSourceEmitter();
  private readonly records: ReaderRecords;
  private current: { device: OpenedDevice; token: number } | undefined;
  private running = false;
  private attempt = 0;
  private token = 0;
  private everConnected = false;
  private statusMessage: string | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private silenceTimer: ReturnType<typeof setTimeout> | undefined;
  private opening: Promise<void> | undefined;
  status: ReaderStatus = 'disconnected';

  protected constructor(
    readonly reader: string,
    private readonly framer: Framer,
    pipeline: Pipeline,
    debounceMs: number | undefined,
    private readonly reconnect: ReconnectSettings = {},
  ) {
    this.records = new ReaderRecords(reader, pipeline, debounceMs, this.events);
  }

  protected abstract open(callbacks: DeviceCallbacks): Promise<OpenedDevice>;

  on<E extends keyof CardSourceEvents>(event: E, listener: (payload: CardSourceEvents[E]) => void): () => void {
    return this.events.on(event, listener);
  }

  /** Live pipeline edits (technician mode) apply from the next record on. */
  setPipeline(pipeline: Pipeline): void {
    this.records.setPipeline(pipeline);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.retryTimer);
    clearTimeout(this.silenceTimer);
    await this.opening;
    const current = this.current;
    this.current = undefined;
    if (current) {
      await closeWithin(current.device);
      this.setStatus('disconnected', 'stopped');
    }
  }

  private connect(): void {
    const token = ++this.token;
    const callbacks: DeviceCallbacks = {
      data: (chunk) => {
        if (this.current?.token === token) this.onData(chunk);
      },
      lost: (message) => {
        if (this.current?.token === token) this.onLost(message);
      },
    };
    this.opening = this.open(callbacks).then(
      async (device) => {
        if (!this.running) {
          await closeWithin(device);
          return;
        }
        this.current = { device, token };
        this.attempt = 0;
        this.everConnected = true;
        this.framer.reset();
        this.records.resetDebounce();
        this.setStatus('connected');
      },
      (error: unknown) => {
        if (!this.running) return;
        // After an unplug the reader simply stays disconnected while we retry; only a reader that
        // never opened reports why (wrong path, no permission).
        if (!this.everConnected) this.setStatus('error', error instanceof Error ? error.message : String(error));
        this.scheduleRetry();
      },
    ).finally(() => {
      this.opening = undefined;
    });
  }

  private onData(chunk: Uint8Array): void {
    const at = performance.now();
    this.records.handle(this.framer.push(chunk, at), at);
    const silenceMs = this.framer.silenceMs;
    if (silenceMs !== undefined) {
      clearTimeout(this.silenceTimer);
      // Timers may fire a fraction of a millisecond early by performance.now(): the timer firing is the silence.
      this.silenceTimer = setTimeout(() => {
        const now = Math.max(performance.now(), at + silenceMs);
        this.records.handle(this.framer.idle(now), now);
      }, silenceMs);
    }
  }

  private onLost(message: string): void {
    const current = this.current;
    this.current = undefined;
    clearTimeout(this.silenceTimer);
    this.records.handle(this.framer.end(), performance.now());
    this.framer.reset();
    if (current) void closeWithin(current.device);
    if (!this.running) return;
    this.setStatus('disconnected', message);
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    const initial = this.reconnect.initialMs ?? 250;
    const max = this.reconnect.maxMs ?? 5000;
    const delay = Math.min(max, initial * 2 ** this.attempt);
    this.attempt = Math.min(this.attempt + 1, 30);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (this.running) this.connect();
    }, delay);
  }

  private setStatus(status: ReaderStatus, message?: string): void {
    if (status === this.status && message === this.statusMessage) return;
    this.status = status;
    this.statusMessage = message;
    this.events.emit('status', { reader: this.reader, status, ...(message === undefined ? {} : { message }), at: Date.now() });
  }
}
