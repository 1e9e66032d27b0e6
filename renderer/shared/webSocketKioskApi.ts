import {
  CLOSE_UNAUTHORIZED,
  TOKEN_PARAM,
  WEB_SOCKET_PATH,
  type KioskApi,
  type MethodName,
} from '../../src/contract/index.js';
import { createKioskApi, type KioskTransport } from './kioskApiClient.js';

/** The part of the WebSocket API used here; the browser's WebSocket and the `ws` package both fit. */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number): void;
}
export type WebSocketFactory = (url: string) => WebSocketLike;

export interface WebSocketKioskApiOptions {
  /** Base URL of the web-mode host, e.g. `http://127.0.0.1:41234` (the page's own origin). */
  readonly origin: string;
  readonly token: string;
  readonly connect?: WebSocketFactory;
  /** A call with no answer after this long resolves to `disconnected`. */
  readonly callTimeoutMs?: number;
}

const OPEN = 1;
const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 5000];

export function webSocketUrl(origin: string, token: string): string {
  const url = new URL(WEB_SOCKET_PATH, origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set(TOKEN_PARAM, token);
  return url.toString();
}

/**
 * KioskApi over the web-mode WebSocket. Calls made while connecting wait for the socket; the
 * socket reconnects with back-off, and after a reconnect the client asks getState and replays it
 * as `session`, `readerStatus` and `syncStatus` events so the screens catch up. A wrong token is
 * final: no reconnect, every call answers `unauthorized`.
 */
export function createWebSocketKioskApi(options: WebSocketKioskApiOptions): KioskApi {
  const connect: WebSocketFactory = options.connect ?? ((url) => new WebSocket(url) as unknown as WebSocketLike);
  const url = webSocketUrl(options.origin, options.token);
  const callTimeoutMs = options.callTimeoutMs ?? 20_000;
  const pending = new Map<number, { resolve: (raw: unknown) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  const waitingToSend: string[] = [];
  const rawListeners = new Set<(message: unknown) => void>();
  let nextId = 0;
  let socket: WebSocketLike | null = null;
  let closed = false;
  let unauthorized = false;
  let attempt = 0;
  let everOpened = false;

  const emit = (message: unknown) => {
    for (const listener of rawListeners) listener(message);
  };

  function open(): void {
    const ws = connect(url);
    socket = ws;
    ws.onopen = () => {
      const reconnected = everOpened;
      everOpened = true;
      attempt = 0;
      for (const text of waitingToSend.splice(0)) ws.send(text);
      if (reconnected) void replayState();
    };
    ws.onmessage = (event) => {
      let message: unknown;
      try {
        message = JSON.parse(String(event.data));
      } catch {
        return;
      }
      if (typeof message !== 'object' || message === null) return;
      const m = message as { id?: unknown; result?: unknown; event?: unknown };
      if ('result' in m && typeof m.id === 'number') {
        const call = pending.get(m.id);
        if (call) {
          pending.delete(m.id);
          clearTimeout(call.timer);
          call.resolve(m.result);
        }
      } else if ('event' in m) {
        emit(message);
      }
    };
    ws.onerror = () => undefined;
    ws.onclose = (event) => {
      socket = null;
      if (event.code === CLOSE_UNAUTHORIZED) unauthorized = true;
      for (const [id, call] of pending) {
        pending.delete(id);
        clearTimeout(call.timer);
        if (unauthorized) call.resolve(unauthorizedResult());
        else call.reject(new Error('The connection to the kiosk host was lost.'));
      }
      if (closed || unauthorized) return;
      const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)]!;
      attempt += 1;
      setTimeout(() => {
        if (!closed) open();
      }, delay);
    };
  }

  const unauthorizedResult = () => ({ ok: false, error: { code: 'unauthorized', message: 'This page is not allowed to talk to the kiosk host (wrong or missing token).' } });

  const transport: KioskTransport = {
    call(method: MethodName, input: unknown): Promise<unknown> {
      if (unauthorized) return Promise.resolve(unauthorizedResult());
      if (closed) return Promise.reject(new Error('The kiosk connection is closed.'));
      const id = nextId++;
      const text = JSON.stringify({ id, method, input });
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`The kiosk host did not answer ${method} in time.`));
        }, callTimeoutMs);
        pending.set(id, { resolve, reject, timer });
        if (socket && socket.readyState === OPEN) socket.send(text);
        else waitingToSend.push(text);
      });
    },
    subscribe(listener) {
      rawListeners.add(listener);
      return () => rawListeners.delete(listener);
    },
    close() {
      closed = true;
      socket?.close(1000);
    },
  };

  const api = createKioskApi(transport);

  async function replayState(): Promise<void> {
    const state = await api.getState();
    if (!state.ok) return;
    emit({ event: 'session', payload: { session: state.value.session, signedOut: null } });
    emit({ event: 'readerStatus', payload: state.value.reader });
    emit({ event: 'syncStatus', payload: state.value.sync });
  }

  open();
  return api;
}
