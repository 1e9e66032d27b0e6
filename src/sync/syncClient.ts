import { domainError, err, type CentralCardAuthority, type DomainError, type Result } from '../core/index.js';
import type { KioskStore } from '../store/index.js';
import { createReplicaApplier, type ReplicaChange } from '../store/replicaApplier.js';
import { MAX_COMMANDS_PER_PUSH, type WireFeedChange } from '../protocol/index.js';
import { CENTRAL_UNREACHABLE_MESSAGE, requestCardChangeOutcome } from './cardChangeRequest.js';
import { CentralCallError, CentralHttpClient, type FetchLike } from './centralHttpClient.js';
import { fileTokenStore, readEnrollment, type KioskTokenStore } from './kioskEnrollment.js';
import { readLiveChannel } from './liveChannelReader.js';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './retryBackoff.js';
import type { SyncEvent, SyncState, SyncStatus } from './syncStatus.js';
import type { SelfAssociationRequest } from '../protocol/selfAssociation.js';
import { requestSelfAssociation, SELF_ASSOCIATION_UNREACHABLE, type SelfAssociationOutcome } from './selfAssociationClient.js';

/** Pauses before each pull that brings a just-linked card here (the first at once). */
const LINK_PULL_PAUSES_MS = [0, 500, 1500] as const;

export interface SyncClientOptions {
  readonly store: KioskStore;
  readonly dataDir: string;
  readonly tokenStore?: KioskTokenStore;
  readonly fetch?: FetchLike;
  /** Sent to the central store (kiosk list shows it). */
  readonly version?: string;
  /** Rows per pull request. */
  readonly pageSize?: number;
  readonly backoff?: BackoffPolicy;
  /** Overrides `sync.pull-interval-seconds` (tests, benchmarks). */
  readonly pullIntervalMs?: number;
  /** How long a Card/ID change's push may wait for the central store's answer. */
  readonly cardChangeTimeoutMs?: number;
  /**
   * After a lost or late answer, how long the kiosk asks for the outcome of the change's key before
   * saying it cannot be confirmed. With the push's 8 s it stays inside the renderer's 20 s call limit.
   */
  readonly cardChangeOutcomeWindowMs?: number;
}

export interface SyncClient extends CentralCardAuthority {
  /** Opens the live channel and starts pulling and pushing in the background. */
  start(): void;
  /** Stops everything in the background and waits for the cycle in flight. */
  stop(): Promise<void>;
  /** One push-then-pull cycle now; resolves with the status after it (never throws). */
  syncNow(): Promise<SyncStatus>;
  status(): SyncStatus;
  /**
   * Card self-association (issue 14): asks the central store to link an unknown card, then pulls,
   * so the card is in the replica when the answer comes back (the first PIN is set against it).
   */
  selfAssociate(request: SelfAssociationRequest): Promise<SelfAssociationOutcome>;
  onEvent(listener: (event: SyncEvent) => void): () => void;
}

function toReplicaChange(change: WireFeedChange): ReplicaChange {
  switch (change.type) {
    case 'user':
      return { type: 'user', user: change.user };
    case 'user-deleted':
      return { type: 'user-deleted', userId: change.userId };
    case 'config':
      return { type: 'config', name: change.name, value: change.value };
    case 'card-change':
      return { type: 'card-change', userId: change.userId, field: change.field, kind: change.kind, at: change.at, kioskId: change.kioskId };
    case 'typed-id-lock':
      return { type: 'typed-id-lock', digest: change.digest, failures: change.failures, lockedUntil: change.lockedUntil, lastFailureAt: change.lastFailureAt };
    default: {
      const never: never = change;
      return never;
    }
  }
}

/**
 * The kiosk side of sync (DESIGN §5). Pushes the outbox (oldest first, each command once per
 * idempotency key), then pulls the change feed into the replica; runs on live announcements, on
 * a timer and right after local changes; retries with exponential backoff and jitter while the
 * central store is unreachable. Authentication never waits for any of this.
 */
export async function createSyncClient(options: SyncClientOptions): Promise<SyncClient | null> {
  const { store } = options;
  const enrollment = readEnrollment(store);
  if (!enrollment) return null;
  const token = await (options.tokenStore ?? fileTokenStore(options.dataDir)).read();
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const client = new CentralHttpClient({
    baseUrl: enrollment.centralUrl, ...(token ? { token } : {}), ...(options.version ? { version: options.version } : {}), fetch: fetchImpl,
  });
  const applier = createReplicaApplier(store);
  const pageSize = options.pageSize ?? 5_000;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const listeners = new Set<(event: SyncEvent) => void>();

  let state: SyncState = applier.fullSyncInProgress() ? 'initial-sync' : 'offline';
  let latest = applier.cursor();
  let live = false;
  let lastSyncAt: number | null = null;
  let lastError: string | null = token ? null : 'The kiosk token is missing; enroll this kiosk again.';
  if (!token) state = 'revoked';
  let running = false;
  let failures = 0;
  let cycle: Promise<void> | null = null;
  let again = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let pullTimer: NodeJS.Timeout | null = null;
  let outboxTimer: NodeJS.Timeout | null = null;
  let liveAbort: AbortController | null = null;
  let liveLoop: Promise<void> | null = null;
  let lastEmitted = '';

  // A function, not an inline comparison: state changes inside awaited calls, which narrowing cannot see.
  const revoked = () => state === 'revoked';
  const pendingCount = () => store.outbox.pending(MAX_COMMANDS_PER_PUSH + 1).length;

  function status(): SyncStatus {
    return {
      state, centralUrl: enrollment!.centralUrl, kioskId: enrollment!.kioskId, cursor: applier.cursor(), latest: Math.max(latest, applier.cursor()),
      pending: pendingCount(), live, lastSyncAt, lastError,
    };
  }

  function emit(event: SyncEvent): void {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch {
        // A listener's failure is its own business.
      }
    }
  }

  function emitStatus(): void {
    const current = status();
    const key = JSON.stringify({ ...current, lastSyncAt: null });
    if (key === lastEmitted) return;
    lastEmitted = key;
    emit({ type: 'status', status: current });
  }

  function fail(error: unknown): void {
    if (error instanceof CentralCallError && error.kind === 'unauthorized') {
      state = 'revoked';
      lastError = `The central store refused this kiosk's token (${error.message}); enroll it again.`;
      return;
    }
    state = applier.fullSyncInProgress() ? 'initial-sync' : 'offline';
    lastError = error instanceof Error ? error.message : String(error);
  }

  async function push(): Promise<void> {
    for (;;) {
      const batch = store.outbox.pending(MAX_COMMANDS_PER_PUSH);
      if (batch.length === 0) return;
      const results = await client.push(batch.map((p) => ({ idempotencyKey: p.idempotencyKey, command: p.command })));
      const byKey = new Map(results.map((r) => [r.idempotencyKey, r]));
      store.db.transaction(() => {
        for (const pending of batch) {
          const result = byKey.get(pending.idempotencyKey);
          if (!result) continue;
          if (result.status === 'rejected') {
            // Central is authoritative: the command is settled, and the next pull undoes its local effect.
            store.outbox.markFailed(pending.idempotencyKey, `${result.reason?.code ?? 'rejected'}: ${result.reason?.message ?? ''}`);
            emit({ type: 'rejected', idempotencyKey: pending.idempotencyKey, command: pending.command.type, code: result.reason?.code ?? 'rejected', message: result.reason?.message ?? '' });
          }
          store.outbox.markDelivered(pending.idempotencyKey);
        }
      }).immediate();
      if (batch.length < MAX_COMMANDS_PER_PUSH) return;
    }
  }

  /**
   * Pages in sequence order. While one page is written to the replica, the next is already on its
   * way: the central store serializes it as this kiosk applies (a full sync is a long run of pages).
   */
  async function pull(): Promise<void> {
    let applied = 0;
    let after = applier.cursor();
    let pending = client.changes(after, pageSize);
    for (;;) {
      const page = await pending;
      latest = Math.max(latest, page.latest);
      if (page.resync) {
        applier.beginFullSync();
        state = 'initial-sync';
        after = 0;
        pending = client.changes(after, pageSize);
        continue;
      }
      if (page.changes.length === 0 && page.next === after) return;
      if (page.hasMore) {
        pending = client.changes(page.next, pageSize);
        // An abandoned prefetch (the apply below threw) must not surface as an unhandled rejection.
        pending.catch(() => {});
        // One turn of the event loop puts the request on the wire before the synchronous apply.
        await new Promise((resolve) => setImmediate(resolve));
      }
      applier.applyPage(page.changes.map(toReplicaChange), page.next, { myKioskId: enrollment!.kioskId, last: !page.hasMore });
      applied += page.changes.length;
      emit({ type: 'progress', applied, cursor: page.next, latest: page.latest, fraction: page.latest === 0 ? 1 : Math.min(1, page.next / page.latest) });
      if (!page.hasMore) return;
      after = page.next;
    }
  }

  async function runCycle(): Promise<void> {
    if (revoked()) return;
    try {
      await push();
      await pull();
      failures = 0;
      state = 'online';
      lastError = null;
      lastSyncAt = Date.now();
    } catch (error) {
      fail(error);
      failures++;
      if (running && !revoked()) scheduleRetry();
    }
    emitStatus();
  }

  /** Coalesces triggers: one cycle at a time, and one more if anything asked meanwhile. */
  function requestCycle(): Promise<void> {
    if (cycle) {
      again = true;
      return cycle;
    }
    cycle = (async () => {
      do {
        again = false;
        await runCycle();
      } while (again && !revoked());
    })().finally(() => {
      cycle = null;
    });
    return cycle;
  }

  /**
   * The card was linked centrally and the host looks it up in the replica next: a failed pull is
   * tried twice more within two seconds before the host has to say "swipe again in a minute".
   */
  async function pullAfterLink(): Promise<void> {
    for (const pauseMs of LINK_PULL_PAUSES_MS) {
      if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
      await requestCycle();
      if (failures === 0 || revoked()) return;
    }
  }

  function scheduleRetry(): void {
    if (retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void requestCycle();
    }, backoffDelay(failures - 1, backoff));
    retryTimer.unref();
  }

  function schedulePull(): void {
    if (!running) return;
    const interval = options.pullIntervalMs ?? store.configValues()['sync.pull-interval-seconds'] * 1000;
    pullTimer = setTimeout(() => {
      void requestCycle().finally(schedulePull);
    }, interval);
    pullTimer.unref();
  }

  async function liveChannel(): Promise<void> {
    let attempt = 0;
    while (running && !revoked()) {
      liveAbort = new AbortController();
      try {
        await readLiveChannel(client, fetchImpl, liveAbort.signal, () => {
          attempt = 0;
          live = true;
          emitStatus();
          // Anything missed while the channel was closed.
          void requestCycle();
        }, (seq) => {
          latest = Math.max(latest, seq);
          if (seq > applier.cursor()) void requestCycle();
        });
      } catch (error) {
        if (error instanceof CentralCallError && error.kind === 'unauthorized') {
          fail(error);
          live = false;
          emitStatus();
          return;
        }
      }
      const wasLive = live;
      live = false;
      if (!running) return;
      if (wasLive) emitStatus();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, backoffDelay(attempt++, backoff));
        timer.unref();
        liveAbort!.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        }, { once: true });
      });
    }
  }

  // Local changes reach the central store at once: the outbox is written inside the kiosk's
  // transaction, so while the client runs the push is scheduled for just after it commits.
  const enqueue = store.outbox.enqueue;
  const enqueueAndPush: typeof enqueue = function (this: typeof store.outbox, key, command) {
    enqueue.call(this, key, command);
    // Checked again when it runs: stop() may have come in between, and the store may be closed by then.
    if (running) setImmediate(() => { if (running) void requestCycle(); });
  };

  return {
    start() {
      if (running) return;
      running = true;
      store.outbox.enqueue = enqueueAndPush;
      emitStatus();
      void requestCycle();
      schedulePull();
      // Commands written by another process on this data dir (the CLI) are noticed within a second.
      outboxTimer = setInterval(() => {
        if (!cycle && !revoked() && store.outbox.pending(1).length > 0 && !retryTimer) void requestCycle();
      }, 1000);
      outboxTimer.unref();
      liveLoop = liveChannel();
    },
    async stop() {
      running = false;
      for (const timer of [retryTimer, pullTimer]) if (timer) clearTimeout(timer);
      if (outboxTimer) clearInterval(outboxTimer);
      retryTimer = pullTimer = outboxTimer = null;
      liveAbort?.abort();
      if (store.outbox.enqueue === enqueueAndPush) store.outbox.enqueue = enqueue;
      await liveLoop;
      await cycle;
    },
    async syncNow() {
      await requestCycle();
      return status();
    },
    status,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async selfAssociate(request) {
      if (revoked()) return { ok: false, error: { code: 'central-unreachable', message: SELF_ASSOCIATION_UNREACHABLE } };
      const answer = await requestSelfAssociation(client, request);
      if (answer.ok) {
        await pullAfterLink();
      } else if (answer.error.code === 'central-unreachable') {
        fail(new CentralCallError('unreachable', answer.error.message));
        emitStatus();
        if (running && !revoked()) scheduleRetry();
      }
      return answer;
    },
    async requestCardChange(request): Promise<Result<{ readonly cardNumber: string }, DomainError>> {
      if (revoked()) return err(domainError('central-unreachable', lastError ?? CENTRAL_UNREACHABLE_MESSAGE));
      const answer = await requestCardChangeOutcome(client, request, {
        timeoutMs: options.cardChangeTimeoutMs ?? 8_000,
        outcomeWindowMs: options.cardChangeOutcomeWindowMs ?? 9_000,
      });
      if (!answer.ok && (answer.error.code === 'central-unreachable' || answer.error.code === 'card-change-unconfirmed')) {
        fail(new CentralCallError('unreachable', answer.error.message));
        emitStatus();
        if (running && !revoked()) scheduleRetry();
      } else if (running) {
        // Checked again when it runs: stop() may have come in between, and the store may be closed by then.
        setImmediate(() => { if (running) void requestCycle(); });
      }
      return answer;
    },
  };
}
