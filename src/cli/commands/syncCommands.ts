import { kioskPaths, openKioskStore, type KioskStore } from '../../store/index.js';
import { CentralCallError, CentralHttpClient, createSyncClient, enrollKiosk, fileTokenStore, initialSyncPercent, readEnrollment, type SyncStatus } from '../../sync/index.js';
import { createReplicaApplier } from '../../store/replicaApplier.js';
import { CENTRAL_VERSION } from '../../central/centralVersion.js';
import type { CliCommand, CliContext } from '../cliCommand.js';
import { parseOptions, requireOption } from '../parseOptions.js';

async function withStore<T>(ctx: CliContext, fn: (store: KioskStore) => Promise<T>): Promise<T> {
  const store = openKioskStore({ file: kioskPaths(ctx.dataDir).db });
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

const STANDALONE = 'standalone: this kiosk was never enrolled; its local store is the authority.\n';

function printStatus(ctx: CliContext, status: SyncStatus, json: boolean): void {
  if (json) {
    ctx.stdout.write(JSON.stringify({ ...status, initialSyncPercent: initialSyncPercent(status) }) + '\n');
    return;
  }
  const lines = [
    `state:          ${status.state}`,
    `central store:  ${status.centralUrl ?? '-'}`,
    `kiosk id:       ${status.kioskId ?? '-'}`,
    `applied up to:  ${status.cursor} (central store at ${status.latest})`,
    `pending:        ${status.pending} command(s) waiting for the central store`,
    `last sync:      ${status.lastSyncAt === null ? 'never (in this run)' : new Date(status.lastSyncAt).toISOString()}`,
  ];
  const percent = initialSyncPercent(status);
  if (percent !== null) lines.splice(1, 0, `initial sync:   ${percent} % (the first full sync resumes where it stopped)`);
  if (status.lastError) lines.push(`last error:     ${status.lastError}`);
  ctx.stdout.write(lines.join('\n') + '\n');
}

export const kioskEnrollCommand: CliCommand = {
  path: ['kiosk', 'enroll'],
  summary: 'Enroll this kiosk with a central store (one-time code from the administrator)',
  usage:
    'badgekiosk kiosk enroll --central URL --code CODE\n' +
    '  Stores the kiosk token (0600) and the site PIN pepper in the data dir, replaces local users with the\n' +
    "  central store's and syncs. Enroll before starting the kiosk, or restart it afterwards.",
  async run(ctx, argv) {
    const { values } = parseOptions(argv, { central: { type: 'string' }, code: { type: 'string' } });
    const centralUrl = requireOption(values.central, '--central');
    const code = requireOption(values.code, '--code');
    return withStore(ctx, async (store) => {
      const enrollment = await enrollKiosk({ store, dataDir: ctx.dataDir, centralUrl, code, version: CENTRAL_VERSION });
      ctx.stdout.write(`Enrolled as kiosk "${enrollment.kioskName}" (${enrollment.kioskId}) with ${enrollment.centralUrl}.\n`);
      const sync = await createSyncClient({ store, dataDir: ctx.dataDir, version: CENTRAL_VERSION });
      let shown = -1;
      sync!.onEvent((event) => {
        if (event.type !== 'progress') return;
        const percent = Math.floor(event.fraction * 100);
        if (percent >= shown + 10 || percent === 100) {
          shown = percent;
          ctx.stderr.write(`syncing: ${percent}% (${event.applied} rows)\n`);
        }
      });
      const status = await sync!.syncNow();
      if (status.state !== 'online') {
        ctx.stderr.write(`Enrolled, but the first sync did not finish: ${status.lastError ?? status.state}. It resumes when the kiosk runs (or with \`badgekiosk sync now\`).\n`);
        return 0;
      }
      ctx.stdout.write(`Synced: ${store.uow.repos.users.count()} users.\n`);
      return 0;
    });
  },
};

export const syncStatusCommand: CliCommand = {
  path: ['sync', 'status'],
  summary: 'Show the link to the central store (enrollment, applied sequence, pending commands)',
  usage: 'badgekiosk sync status [--json]',
  async run(ctx, argv) {
    const { values } = parseOptions(argv, { json: { type: 'boolean' } });
    return withStore(ctx, async (store) => {
      const enrollment = readEnrollment(store);
      if (!enrollment) {
        ctx.stdout.write(values.json ? JSON.stringify({ state: 'standalone' }) + '\n' : STANDALONE);
        return 0;
      }
      const applier = createReplicaApplier(store);
      const token = await fileTokenStore(ctx.dataDir).read();
      let latest = applier.cursor();
      let state: SyncStatus['state'] = applier.fullSyncInProgress() ? 'initial-sync' : 'online';
      let lastError: string | null = null;
      try {
        const client = new CentralHttpClient({ baseUrl: enrollment.centralUrl, ...(token ? { token } : {}), timeoutMs: 5_000 });
        latest = (await client.changes(applier.cursor(), 1)).latest;
      } catch (error) {
        state = error instanceof CentralCallError && error.kind === 'unauthorized' ? 'revoked' : 'offline';
        lastError = error instanceof Error ? error.message : String(error);
      }
      printStatus(ctx, {
        state, centralUrl: enrollment.centralUrl, kioskId: enrollment.kioskId, cursor: applier.cursor(), latest,
        pending: store.outbox.pending(10_000).length, live: false, lastSyncAt: null, lastError,
      }, values.json === true);
      return state === 'online' || state === 'initial-sync' ? 0 : 1;
    });
  },
};

export const syncNowCommand: CliCommand = {
  path: ['sync', 'now'],
  summary: 'Push waiting commands to the central store and pull its changes now',
  usage: 'badgekiosk sync now [--json]',
  async run(ctx, argv) {
    const { values } = parseOptions(argv, { json: { type: 'boolean' } });
    return withStore(ctx, async (store) => {
      const sync = await createSyncClient({ store, dataDir: ctx.dataDir, version: CENTRAL_VERSION });
      if (!sync) {
        ctx.stdout.write(values.json ? JSON.stringify({ state: 'standalone' }) + '\n' : STANDALONE);
        return 0;
      }
      const status = await sync.syncNow();
      printStatus(ctx, status, values.json === true);
      return status.state === 'online' ? 0 : 1;
    });
  },
};
