import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import type { KioskEvent } from '../../src/contract/index.js';
import { createHostLogger } from '../../src/host/hostLogger.js';
import { openKioskRuntime, type KioskRuntime } from '../../src/host/kioskRuntime.js';
import { kioskPaths, openKioskStore } from '../../src/store/index.js';
import { enrollKiosk } from '../../src/sync/index.js';

/** Every log line the host wrote, as text and parsed, for "was it logged, and without the PIN?". */
export class HostLogCapture {
  readonly lines: string[] = [];
  write(line: string): void {
    this.lines.push(line);
  }
  get text(): string {
    return this.lines.join('');
  }
  entries(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
  find(msg: string): Record<string, unknown> | undefined {
    return this.entries().find((entry) => entry.msg === msg);
  }
}

export interface HostKiosk {
  readonly runtime: KioskRuntime;
  readonly dataDir: string;
  readonly logs: HostLogCapture;
  readonly logger: Logger;
  readonly events: KioskEvent[];
  call(method: string, input?: unknown): Promise<{ ok: boolean; value?: any; error?: any }>;
  close(): Promise<void>;
}

/** A real kiosk runtime on a fresh SQLite data directory, seeded with the demo users. */
export async function openHostKiosk(options: { seedDemoUsers?: boolean; centralMode?: 'embedded' | 'none'; dataDir?: string; keepDataDir?: boolean } = {}): Promise<HostKiosk> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'badgekiosk-host-'));
  const logs = new HostLogCapture();
  const logger = createHostLogger({ level: 'debug', destination: logs });
  const runtime = await openKioskRuntime({
    dataDir,
    logger,
    seedDemoUsers: options.seedDemoUsers ?? true,
    centralMode: options.centralMode ?? 'none',
  });
  const events: KioskEvent[] = [];
  runtime.host.subscribe((event) => events.push(event));
  return {
    runtime,
    dataDir,
    logs,
    logger,
    events,
    call: (method, input = {}) => runtime.host.call(method, input, 'test') as Promise<{ ok: boolean; value?: any; error?: any }>,
    async close() {
      await runtime.close();
      if (!options.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A real kiosk runtime on `dataDir`, first enrolled with the central store at `centralUrl` (or a
 * proxy in front of it) by a one-time code, and linked to it: no demo users, the data dir is kept.
 */
export async function openEnrolledHostKiosk(options: { dataDir: string; centralUrl: string; enrollmentCode: string }): Promise<HostKiosk> {
  const store = openKioskStore({ file: kioskPaths(options.dataDir).db });
  try {
    await enrollKiosk({ store, dataDir: options.dataDir, centralUrl: options.centralUrl, code: options.enrollmentCode, version: 'test' });
  } finally {
    store.close();
  }
  const kiosk = await openHostKiosk({ dataDir: options.dataDir, seedDemoUsers: false, keepDataDir: true });
  await kiosk.runtime.linked;
  return kiosk;
}
