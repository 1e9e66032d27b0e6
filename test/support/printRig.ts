import type { AuditEvent, PrintTarget } from '../../src/core/index.js';
import { createHeldJobs, type HeldJobs } from '../../src/core/index.js';
import { createIppPrintServer } from '../../src/print/ippPrintServer.js';
import { cryptoRandomSource } from '../../src/platform/cryptoRandomSource.js';
import { systemClock } from '../../src/platform/systemClock.js';
import { startAppSocketPrinter, startTestCups, type AppSocketPrinter, type TestCups, type TestCupsOptions } from './printCups.js';

/**
 * The print-release scene most tests need, on a real private cupsd: a follow-me queue that holds
 * every job, the kiosk's release printer ("lobby") and a second physical printer elsewhere
 * ("annex"), each queue an AppSocket listener that records what reaches it.
 */
export interface PrintRig {
  readonly cups: TestCups;
  readonly followMe: AppSocketPrinter;
  readonly lobby: AppSocketPrinter;
  readonly annex: AppSocketPrinter;
  readonly target: PrintTarget;
  readonly audit: AuditEvent[];
  readonly heldJobs: HeldJobs;
  /** Bytes that reached each printer, by queue name. */
  printed(): Readonly<Record<'followme' | 'lobby' | 'annex', number>>;
  stop(): Promise<void>;
}

export async function startPrintRig(options: TestCupsOptions = {}): Promise<PrintRig> {
  const cups = await startTestCups(options);
  const [followMe, lobby, annex] = await Promise.all([startAppSocketPrinter(), startAppSocketPrinter(), startAppSocketPrinter()]);
  await cups.addQueue('followme', followMe.deviceUri, { held: true });
  await cups.addQueue('lobby', lobby.deviceUri, { held: true });
  await cups.addQueue('annex', annex.deviceUri, { held: true });
  const server = createIppPrintServer({ name: 'cups-test', url: cups.url, timeoutMs: 5000 });
  const target: PrintTarget = { server, releaseQueue: 'lobby', followMeQueues: ['followme'] };
  const audit: AuditEvent[] = [];
  const heldJobs = createHeldJobs({ clock: systemClock, random: cryptoRandomSource, kioskId: 'kiosk-lobby', audit: (event) => void audit.push(event) });
  const size = (printer: AppSocketPrinter) => printer.receivedText().length;
  return {
    cups,
    followMe,
    lobby,
    annex,
    target,
    audit,
    heldJobs,
    printed: () => ({ followme: size(followMe), lobby: size(lobby), annex: size(annex) }),
    async stop() {
      await cups.stop();
      await Promise.all([followMe.close(), lobby.close(), annex.close()]);
    },
  };
}

/** Waits until CUPS reports the job in one of the states (the backend runs after Release-Job answers). */
export async function waitForJobState(rig: PrintRig, jobId: number, states: readonly string[], timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await rig.target.server.job(jobId);
    if (job && states.includes(job.state)) return job.state;
    if (Date.now() > deadline) throw new Error(`job ${jobId} is ${job?.state ?? 'unknown'} after ${timeoutMs} ms, expected ${states.join(' or ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
