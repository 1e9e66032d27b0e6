import {
  createHeldJobs,
  err,
  expireHeldJobs,
  ok,
  printNotConfigured,
  type Clock,
  type HeldJobs,
  type KioskPrint,
  type PrintNotConfigured,
  type PrintServer,
  type PrintServerSetup,
  type PrintTarget,
  type PrintUnavailable,
  type RandomSource,
  type Result,
} from '../../core/index.js';
import { createIppPrintServer } from '../../print/ippPrintServer.js';
import { printCredentialsFile, readPrintCredentials } from '../../store/printCredentialsFile.js';
import { SqlitePrintSetup } from '../../store/sqlitePrintSetup.js';
import type { KioskStore } from '../../store/index.js';

export interface LocalPrintOptions {
  readonly store: KioskStore;
  /** kioskPaths(dataDir).secretsDir: where print server credentials are kept. */
  readonly secretsDir: string;
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly kioskId: string | null;
}

/** Print release of a standalone kiosk: it talks to CUPS itself, with the setup in its own store. */
export interface LocalPrint {
  readonly setup: SqlitePrintSetup;
  readonly heldJobs: HeldJobs;
  /** This kiosk's release printer and its server's follow-me queues, or what is missing. */
  target(): Promise<Result<PrintTarget, PrintNotConfigured>>;
  /** The IPP adapter for one of this kiosk's print servers, with its credentials; undefined for an unknown name. */
  printServer(name: string): Promise<PrintServer | undefined>;
  /** The KioskPrint port for this kiosk's screen and CLI. */
  readonly kioskPrint: KioskPrint;
  /** One expiry sweep with the configured timeout over the release printer and the follow-me queues. */
  expire(): Promise<Result<readonly number[], PrintUnavailable | PrintNotConfigured>>;
}

export function openLocalPrint(options: LocalPrintOptions): LocalPrint {
  const { store, clock, random, kioskId } = options;
  const setup = new SqlitePrintSetup(store, clock, random);
  const heldJobs = createHeldJobs({ clock, random, kioskId, audit: (event) => store.uow.transaction((repos) => repos.audit.append(event)) });

  const adapterFor = async (server: PrintServerSetup): Promise<PrintServer> => {
    const credentials = server.hasCredentials ? await readPrintCredentials(printCredentialsFile(options.secretsDir, server.name)) : undefined;
    return createIppPrintServer({ name: server.name, url: server.url, ...(credentials ?? {}) });
  };

  const target = async (): Promise<Result<PrintTarget, PrintNotConfigured>> => {
    const printer = setup.releasePrinter();
    if (!printer) return err(printNotConfigured(setup.servers().length === 0 ? 'server' : 'printer'));
    const server = setup.server(printer.server);
    if (!server) return err(printNotConfigured('server'));
    return ok({ server: await adapterFor(server), releaseQueue: printer.queue, followMeQueues: server.followMeQueues });
  };

  const withTarget = async <T>(fn: (found: PrintTarget) => Promise<Result<T, PrintUnavailable>>): Promise<Result<T, PrintUnavailable | PrintNotConfigured>> => {
    const found = await target();
    return found.ok ? fn(found.value) : found;
  };
  const kioskPrint: KioskPrint = {
    list: (user) => withTarget(async (t) => {
      const listed = await heldJobs.list(user, t);
      return listed.ok ? ok({ jobs: listed.value, printer: t.releaseQueue }) : listed;
    }),
    release: (user, selection) => withTarget(async (t) => {
      const released = await heldJobs.release(user, t, selection);
      if (!released.ok) return released;
      // Read once the jobs are released, never ahead of them: cupsd answers one request at a time, so
      // a printer read queued before the Release-Job would hold up the first byte at the printer.
      const condition = await heldJobs.printer(t);
      return condition.ok ? ok({ outcomes: released.value, condition: condition.value, printer: t.releaseQueue }) : condition;
    }),
    delete: (user, selection) => withTarget(async (t) => {
      const deleted = await heldJobs.delete(user, t, selection);
      return deleted.ok ? ok({ outcomes: deleted.value, condition: null, printer: t.releaseQueue }) : deleted;
    }),
  };

  return {
    setup,
    heldJobs,
    kioskPrint,
    target,
    async printServer(name) {
      const server = setup.server(name);
      return server ? adapterFor(server) : undefined;
    },
    async expire() {
      const found = await target();
      if (!found.ok) return found;
      const { server, releaseQueue, followMeQueues } = found.value;
      return expireHeldJobs(
        {
          clock,
          random,
          kioskId,
          wasExpired: (name, jobId) => setup.wasExpired(name, jobId),
          remember: (name, jobId, audit) => void setup.recordExpired(name, jobId, audit),
        },
        server,
        [...new Set([releaseQueue, ...followMeQueues])],
        store.configValues()['print.held-job-timeout-minutes'],
      );
    },
  };
}
