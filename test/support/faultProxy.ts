import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does to one exchange it matches:
 * - `drop-answer`: forwards the request, lets the central store finish (commit included), then
 *   destroys the kiosk's connection without a byte of the answer — a lost answer.
 * - `delay-answer`: forwards, waits for the whole answer, then holds it `ms` before passing it on
 *   — an answer slower than the kiosk's timeout.
 * - `refuse`: destroys the connection before anything is forwarded — the request never arrives.
 */
export type Fault = { readonly kind: 'drop-answer' } | { readonly kind: 'delay-answer'; readonly ms: number } | { readonly kind: 'refuse' };

export interface FaultRule {
  readonly method: string;
  /** Matched against the path without the query string. */
  readonly path: RegExp;
  /** Matched against the request body when given (e.g. /card-change-request/). */
  readonly body?: RegExp;
  readonly fault: Fault;
  /** How many matching exchanges get the fault (default: every one). */
  times?: number;
}

export interface FaultProxy {
  /** http://127.0.0.1:PORT — give this to the kiosk instead of the central store's URL. */
  readonly url: string;
  /** Exchanges that reached the central store, answered or not, as "METHOD /path". */
  readonly forwarded: string[];
  /** The most exchanges that were in flight at once, per path (without query string). */
  readonly maxInFlight: Map<string, number>;
  add(rule: FaultRule): void;
  clear(): void;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * A fault-injecting HTTP proxy on loopback between a kiosk and a real central store (issue 11):
 * it loses or delays chosen answers after the central store has acted on the request, which is
 * exactly what a network cut or an overloaded server does. Unmatched traffic (the live channel's
 * event stream included) passes through untouched.
 */
export async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const rules: FaultRule[] = [];
  const forwarded: string[] = [];
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  const sockets = new Set<import('node:net').Socket>();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const pathOnly = (request.url ?? '/').split('?')[0]!;
    const rule = rules.find(
      (r) => (r.times === undefined || r.times > 0) && r.method === request.method && r.path.test(pathOnly) && (!r.body || r.body.test(body.toString('utf8'))),
    );
    if (rule && rule.times !== undefined) rule.times -= 1;
    if (rule?.fault.kind === 'refuse') {
      request.socket.destroy();
      return;
    }
    const upstream = http.request({
      host: target.hostname, port: target.port, method: request.method, path: request.url,
      headers: { ...request.headers, host: target.host },
    });
    forwarded.push(`${request.method} ${pathOnly}`);
    inFlight.set(pathOnly, (inFlight.get(pathOnly) ?? 0) + 1);
    maxInFlight.set(pathOnly, Math.max(maxInFlight.get(pathOnly) ?? 0, inFlight.get(pathOnly)!));
    response.once('close', () => inFlight.set(pathOnly, inFlight.get(pathOnly)! - 1));
    upstream.on('error', () => response.destroy());
    upstream.on('response', (answer) => {
      if (!rule) {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
        return;
      }
      void readBody(answer).then(async (answerBody) => {
        if (rule.fault.kind === 'drop-answer') {
          request.socket.destroy();
          return;
        }
        if (rule.fault.kind === 'delay-answer') await new Promise((resolve) => setTimeout(resolve, (rule.fault as { ms: number }).ms));
        if (response.destroyed) return;
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        response.end(answerBody);
      });
    });
    upstream.end(body);
  }

  const server = http.createServer((request, response) => void handle(request, response).catch(() => response.destroy()));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    forwarded,
    maxInFlight,
    add: (rule) => void rules.push(rule),
    clear: () => void rules.splice(0),
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
