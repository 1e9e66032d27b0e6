import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CLOSE_UNAUTHORIZED, TOKEN_PARAM, WEB_SOCKET_PATH, contractError, wireRequestSchema } from '../../contract/index.js';
import type { KioskHost } from '../kioskHost.js';
import { serveRenderer } from './staticRenderer.js';

export interface WebModeOptions {
  readonly host: KioskHost;
  readonly logger: Logger;
  /** The built renderer, normally dist/renderer/kiosk. */
  readonly rendererDir: string;
  /** 0 (default): a random free port. */
  readonly port?: number;
  /** Per-launch token; random when not given. */
  readonly token?: string;
}

export interface WebModeServer {
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  /** What to open: the page with its token in the hash (never sent to the server in a request line). */
  readonly url: string;
  close(): Promise<void>;
}

/** Big enough for any contract call; a kiosk never needs more. */
const MAX_FRAME_BYTES = 16 * 1024;

function tokensMatch(expected: Buffer, given: string | null): boolean {
  if (given === null) return false;
  const candidate = Buffer.from(given, 'utf8');
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}

/**
 * Web mode (DESIGN §2): the kiosk's own page and the contract over a WebSocket, on 127.0.0.1
 * only. The socket needs the per-launch token, must come from this origin (no other page in the
 * browser can drive the kiosk) and must name this host (no DNS rebinding).
 */
export async function startWebModeServer(options: WebModeOptions): Promise<WebModeServer> {
  const { host, logger } = options;
  const token = options.token ?? randomBytes(32).toString('hex');
  const expected = Buffer.from(token, 'utf8');
  let origin = '';
  let nextConnection = 1;

  const server = http.createServer((req, res) => {
    if (req.headers.host !== new URL(origin).host) {
      res.writeHead(421).end();
      return;
    }
    serveRenderer(options.rendererDir, origin, req, res);
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname !== WEB_SOCKET_PATH || req.headers.host !== new URL(origin).host) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    const caller = `ws#${nextConnection++}`;
    const authorised = tokensMatch(expected, url.searchParams.get(TOKEN_PARAM)) && req.headers.origin === origin;
    sockets.handleUpgrade(req, socket, head, (ws) => {
      if (!authorised) {
        const why = req.headers.origin === origin ? 'wrong or missing token' : 'foreign origin';
        logger.warn({ caller, why }, 'refused a kiosk socket');
        const refusal = contractError('unauthorized', 'This page is not allowed to talk to the kiosk host (wrong or missing token).');
        ws.send(JSON.stringify({ id: null, result: { ok: false, error: refusal } }), () => ws.close(CLOSE_UNAUTHORIZED, 'unauthorized'));
        return;
      }
      serveSocket(ws, caller);
    });
  });

  function serveSocket(ws: WebSocket, caller: string): void {
    logger.info({ caller }, 'kiosk page connected');
    const send = (message: unknown) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const unsubscribe = host.subscribe((event) => send(event));
    ws.on('message', (data: RawData, isBinary: boolean) => void answer(data, isBinary));
    ws.on('close', () => {
      unsubscribe();
      logger.info({ caller }, 'kiosk page disconnected');
    });
    ws.on('error', (error) => logger.warn({ caller, err: error }, 'kiosk socket error'));

    async function answer(data: RawData, isBinary: boolean): Promise<void> {
      let request: unknown = undefined;
      if (!isBinary) {
        try {
          request = JSON.parse(data.toString());
        } catch {
          request = undefined;
        }
      }
      const envelope = wireRequestSchema.safeParse(request);
      if (!envelope.success) {
        const id = typeof (request as { id?: unknown })?.id === 'number' ? (request as { id: number }).id : null;
        logger.warn({ caller }, 'refused an unreadable socket frame');
        const error = contractError('bad-request', 'The frame is not a kiosk call: expected JSON {id, method, input}.');
        send({ id: Number.isInteger(id) && (id as number) >= 0 ? id : null, result: { ok: false, error } });
        return;
      }
      const { id, method, input } = envelope.data;
      send({ id, result: await host.call(method, input, caller) });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    port,
    token,
    url: `${origin}/#${TOKEN_PARAM}=${token}`,
    async close() {
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
