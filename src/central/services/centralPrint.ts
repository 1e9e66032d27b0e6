import {
  checkReleaseQueue,
  createHeldJobs,
  err,
  expireHeldJobs,
  ok,
  printNotConfigured,
  RecentListings,
  releaseQueueVerdict,
  type AuditEvent,
  type HeldJobs,
  type PrintNotConfigured,
  type PrintServer,
  type PrintServerSetup,
  type PrintTarget,
  type PrintUnavailable,
  type ReleasePrinter,
  type ReleaseQueueVerdict,
  type Result,
} from '../../core/index.js';
import { createIppPrintServer } from '../../print/ippPrintServer.js';
import type { CentralContext } from '../centralContext.js';
import { onePer } from '../onePer.js';
import { openPrintCredentials, sealPrintCredentials, type PrintCredentials } from '../security/printCredentials.js';
import type { CentralDb, WriteTx } from '../storage/centralStorage.js';
import { appendAudit } from './centralAudit.js';
import { readConfig } from './centralConfig.js';

interface ServerRow {
  readonly name: string;
  readonly url: string;
  readonly follow_me: string;
  readonly credentials: string | null;
}

const setupOf = (row: ServerRow): PrintServerSetup => ({
  name: row.name,
  url: row.url,
  followMeQueues: JSON.parse(row.follow_me) as string[],
  hasCredentials: row.credentials !== null,
});

const asCentral = (event: AuditEvent, actor: string | null) => ({ ...event, actor });

export async function listPrintServers(db: CentralDb): Promise<PrintServerSetup[]> {
  return (await db.selectFrom('print_servers').select(['name', 'url', 'follow_me', 'credentials']).orderBy('name').execute()).map(setupOf);
}

async function adminAudit(ctx: CentralContext, tx: WriteTx, kind: 'print.server' | 'print.printer', actor: string, kioskId: string | null, details: Readonly<Record<string, string | boolean>>): Promise<void> {
  await appendAudit(tx.db, { id: ctx.random.uuid(), at: ctx.clock.now(), kind, outcome: 'success', userId: null, username: null, kioskId, actor, code: null, details });
}

/** Adds a print server; the password is sealed before it reaches the database and never comes back out of the API. */
export async function addPrintServer(
  ctx: CentralContext,
  server: { readonly name: string; readonly url: string; readonly followMeQueues: readonly string[]; readonly credentials?: PrintCredentials },
  actor: string,
): Promise<Result<PrintServerSetup, string>> {
  return ctx.storage.write(async (tx) => {
    const existing = await tx.db.selectFrom('print_servers').select('name').where('name', '=', server.name).executeTakeFirst();
    if (existing) return err(`A print server named "${server.name}" already exists; remove it first to change it.`);
    const row = {
      name: server.name,
      url: server.url,
      follow_me: JSON.stringify(server.followMeQueues),
      credentials: server.credentials ? sealPrintCredentials(ctx.pepper, server.credentials) : null,
      created_at: ctx.clock.now(),
    };
    await tx.db.insertInto('print_servers').values(row).execute();
    await adminAudit(ctx, tx, 'print.server', actor, null, { action: 'add', server: server.name, url: server.url, followMe: server.followMeQueues.join(','), credentials: row.credentials !== null });
    return ok(setupOf(row));
  });
}

export async function removePrintServer(ctx: CentralContext, name: string, actor: string): Promise<Result<PrintServerSetup, 'not-found' | string>> {
  return ctx.storage.write(async (tx) => {
    const row = await tx.db.selectFrom('print_servers').select(['name', 'url', 'follow_me', 'credentials']).where('name', '=', name).executeTakeFirst();
    if (!row) return err('not-found');
    const users = await tx.db.selectFrom('kiosk_release_printers').select('kiosk_id').where('server', '=', name).execute();
    if (users.length > 0) return err(`Print server "${name}" holds the release printer of ${users.length} kiosk(s); give them another release printer first.`);
    await tx.db.deleteFrom('print_servers').where('name', '=', name).execute();
    await adminAudit(ctx, tx, 'print.server', actor, null, { action: 'remove', server: name });
    return ok(setupOf(row));
  });
}

export async function setKioskReleasePrinter(ctx: CentralContext, kioskId: string, printer: ReleasePrinter, actor: string): Promise<Result<ReleasePrinter, 'no-kiosk' | string>> {
  return ctx.storage.write(async (tx) => {
    if (!(await tx.db.selectFrom('kiosks').select('id').where('id', '=', kioskId).executeTakeFirst())) return err('no-kiosk');
    if (!(await tx.db.selectFrom('print_servers').select('name').where('name', '=', printer.server).executeTakeFirst())) {
      return err(`No print server "${printer.server}": add it first.`);
    }
    await tx.db
      .insertInto('kiosk_release_printers')
      .values({ kiosk_id: kioskId, server: printer.server, queue: printer.queue })
      .onConflict((oc) => oc.column('kiosk_id').doUpdateSet({ server: printer.server, queue: printer.queue }))
      .execute();
    await adminAudit(ctx, tx, 'print.printer', actor, kioskId, { server: printer.server, queue: printer.queue });
    return ok(printer);
  });
}

/**
 * Asks the named server whether the queue exists before it is assigned (outside any transaction:
 * the answer may take the adapter's timeout). An unknown server passes here: setKioskReleasePrinter
 * refuses it by name.
 */
export async function releaseQueueVerdictFor(ctx: CentralContext, printer: ReleasePrinter, noCheck: boolean, overrideHint: string): Promise<ReleaseQueueVerdict> {
  const server = await printServerNamed(ctx, printer.server);
  if (!server) return { allowed: true, warning: null };
  return releaseQueueVerdict(printer, await checkReleaseQueue(server, printer.queue), noCheck, overrideHint);
}

export async function kioskReleasePrinter(db: CentralDb, kioskId: string): Promise<ReleasePrinter | undefined> {
  return db.selectFrom('kiosk_release_printers').select(['server', 'queue']).where('kiosk_id', '=', kioskId).executeTakeFirst();
}

function adapterOf(ctx: CentralContext, server: ServerRow): PrintServer {
  const credentials = server.credentials ? openPrintCredentials(ctx.pepper, server.credentials) : undefined;
  return createIppPrintServer({ name: server.name, url: server.url, ...(credentials ?? {}) });
}

async function targetOf(ctx: CentralContext, server: ServerRow, queue: string): Promise<PrintTarget> {
  return { server: adapterOf(ctx, server), releaseQueue: queue, followMeQueues: JSON.parse(server.follow_me) as string[] };
}

/** The IPP adapter for a named print server with its unsealed credentials; undefined for an unknown name. */
export async function printServerNamed(ctx: CentralContext, name: string): Promise<PrintServer | undefined> {
  const row = await ctx.storage.db.selectFrom('print_servers').select(['name', 'url', 'follow_me', 'credentials']).where('name', '=', name).executeTakeFirst();
  return row ? adapterOf(ctx, row) : undefined;
}

/**
 * The only target a kiosk may print to: its own release printer, read here, never taken from the
 * request, so a kiosk cannot send jobs to another kiosk's printer.
 */
export async function printTargetForKiosk(ctx: CentralContext, kioskId: string): Promise<Result<PrintTarget, PrintNotConfigured>> {
  const printer = await kioskReleasePrinter(ctx.storage.db, kioskId);
  if (!printer) {
    const any = await ctx.storage.db.selectFrom('print_servers').select('name').limit(1).executeTakeFirst();
    return err(printNotConfigured(any ? 'printer' : 'server'));
  }
  const server = await ctx.storage.db.selectFrom('print_servers').select(['name', 'url', 'follow_me', 'credentials']).where('name', '=', printer.server).executeTakeFirst();
  if (!server) return err(printNotConfigured('server'));
  return ok(await targetOf(ctx, server, printer.queue));
}

// Routes build their held-job rules per request; what a kiosk's listing vouches for lives as long as the process.
const recentListingsOf = onePer((ctx: CentralContext) => new RecentListings(ctx.clock));

/** Held-job rules for one kiosk, audited into the central store's audit (actor null: the kiosk's user acted). */
export function centralHeldJobs(ctx: CentralContext, kioskId: string): HeldJobs {
  return createHeldJobs({
    clock: ctx.clock,
    random: ctx.random,
    kioskId,
    audit: (event) => ctx.storage.write((tx) => appendAudit(tx.db, asCentral(event, null))),
    recentListings: recentListingsOf(ctx),
  });
}

/**
 * One expiry sweep over every print server: the follow-me queues and every kiosk's release
 * printer on it, with `print.held-job-timeout-minutes`. The memory of expired jobs is a table, so
 * several central processes (PostgreSQL) and restarts never cancel or audit a job twice.
 */
export async function expireCentralHeldJobs(ctx: CentralContext): Promise<Result<number, PrintUnavailable>> {
  const timeout = (await readConfig(ctx.storage.db))['print.held-job-timeout-minutes'];
  const servers = await ctx.storage.db.selectFrom('print_servers').select(['name', 'url', 'follow_me', 'credentials']).execute();
  let count = 0;
  for (const server of servers) {
    const printers = await ctx.storage.db.selectFrom('kiosk_release_printers').select('queue').where('server', '=', server.name).execute();
    const target = await targetOf(ctx, server, printers[0]?.queue ?? '');
    const queues = [...new Set([...target.followMeQueues, ...printers.map((p) => p.queue)])];
    const result = await expireHeldJobs(
      {
        clock: ctx.clock,
        random: ctx.random,
        kioskId: null,
        wasExpired: async (name, jobId) =>
          (await ctx.storage.db.selectFrom('print_expired').select('job_id').where('server', '=', name).where('job_id', '=', jobId).executeTakeFirst()) !== undefined,
        remember: (name, jobId, audit) =>
          ctx.storage.write(async (tx) => {
            const inserted = await tx.db.insertInto('print_expired').values({ server: name, job_id: jobId, expired_at: ctx.clock.now() }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
            if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) await appendAudit(tx.db, asCentral(audit, null));
          }),
      },
      target.server,
      queues,
      timeout,
    );
    if (!result.ok) return result;
    count += result.value.length;
  }
  return ok(count);
}
