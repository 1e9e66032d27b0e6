import type { ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';
import type { CentralContext } from '../centralContext.js';
import { LIVE_CONTENT_TYPE, LIVE_EVENT } from '../../protocol/index.js';

interface LiveClient {
  readonly kioskId: string;
  readonly res: ServerResponse;
}

/** Live channels one kiosk token may hold at once: a restart or a flaky network leaves a few behind. */
export const DEFAULT_LIVE_CHANNELS_PER_KIOSK = 3;

/** Keeps proxies from closing idle streams and marks the kiosk online while it listens. */
const HEARTBEAT_MS = 25_000;

/**
 * Server-sent events telling kiosks "there is something new up to seq N: pull now". The stream
 * carries no data a kiosk could miss: a kiosk that reconnects pulls from its own cursor. Many
 * announcements in a burst become one write per client.
 */
export class LiveChannels {
  private readonly clients = new Set<LiveClient>();
  private pending = 0;
  private scheduled = false;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly unsubscribe: () => void;
  private readonly unsubscribeRevocations: () => void;
  /** Each kiosk's open streams, oldest first. */
  private readonly byKiosk = new Map<string, LiveClient[]>();

  constructor(
    private readonly ctx: CentralContext,
    private readonly perKiosk = DEFAULT_LIVE_CHANNELS_PER_KIOSK,
  ) {
    this.unsubscribe = ctx.storage.onAnnouncement((seq) => this.announce(seq));
    // A revocation, made by whichever process, ends that kiosk's streams here at once (issue 10, item 4).
    this.unsubscribeRevocations = ctx.storage.onKioskRevoked((kioskId) => {
      if (kioskId !== null) this.endKiosk(kioskId);
      else void this.endRevoked();
    });
    this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  async open(kioskId: string, reply: FastifyReply): Promise<void> {
    const seq = await this.ctx.storage.latestSeq();
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': `${LIVE_CONTENT_TYPE}; charset=utf-8`,
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.socket?.setNoDelay(true);
    const client: LiveClient = { kioskId, res };
    this.clients.add(client);
    const mine = this.byKiosk.get(kioskId) ?? [];
    mine.push(client);
    this.byKiosk.set(kioskId, mine);
    // One token, a few streams at most: the oldest give way (issue 10, item 5).
    while (mine.length > this.perKiosk) mine.shift()!.res.end();
    res.on('close', () => {
      this.clients.delete(client);
      const list = this.byKiosk.get(kioskId);
      const at = list?.indexOf(client) ?? -1;
      if (list && at >= 0) list.splice(at, 1);
      if (list?.length === 0) this.byKiosk.delete(kioskId);
    });
    res.write(`retry: 2000\nevent: ${LIVE_EVENT}\ndata: {"seq":${seq}}\n\n`);
  }

  private announce(seq: number): void {
    this.pending = Math.max(this.pending, seq);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const frame = `event: ${LIVE_EVENT}\ndata: {"seq":${this.pending}}\n\n`;
      for (const client of this.clients) client.res.write(frame);
    });
  }

  /** Ends streams of kiosks revoked meanwhile and refreshes last-seen of the others. */
  private async beat(): Promise<void> {
    if (this.clients.size === 0) return;
    const ids = [...new Set([...this.clients].map((c) => c.kioskId))];
    try {
      const live = new Set<string>();
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const rows = await this.ctx.storage.db.selectFrom('kiosks').select('id').where('id', 'in', chunk).where('revoked_at', 'is', null).execute();
        for (const row of rows) live.add(row.id);
        if (rows.length > 0) {
          await this.ctx.storage.db.updateTable('kiosks').set({ last_seen_at: this.ctx.clock.now() }).where('id', 'in', rows.map((r) => r.id)).execute();
        }
      }
      for (const client of this.clients) {
        if (live.has(client.kioskId)) client.res.write(': keep-alive\n\n');
        else client.res.end();
      }
    } catch {
      // The database is briefly away; the next beat tries again.
    }
  }

  /** Ends every stream of a revoked kiosk. */
  endKiosk(kioskId: string): void {
    for (const client of [...(this.byKiosk.get(kioskId) ?? [])]) client.res.end();
  }

  /** After a revocation this process cannot name (another SQLite writer): ends the streams of revoked kiosks. */
  private async endRevoked(): Promise<void> {
    const ids = [...this.byKiosk.keys()];
    try {
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const rows = await this.ctx.storage.db.selectFrom('kiosks').select('id').where('id', 'in', chunk).where('revoked_at', 'is not', null).execute();
        for (const row of rows) this.endKiosk(row.id);
      }
    } catch {
      // The database is briefly away; the heartbeat checks again.
    }
  }

  /** On shutdown: end every stream so the server can close; kiosks reconnect elsewhere. */
  closeAll(): void {
    clearInterval(this.heartbeat);
    this.unsubscribe();
    this.unsubscribeRevocations();
    for (const client of this.clients) client.res.end();
    this.clients.clear();
  }
}
