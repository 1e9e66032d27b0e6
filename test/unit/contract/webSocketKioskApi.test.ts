import { createWebSocketKioskApi, webSocketUrl, type WebSocketLike } from '../../../renderer/shared/webSocketKioskApi.js';

/** A scripted stand-in for the browser's WebSocket (the real socket is tested in test/integration/host). */
class ScriptedSocket implements WebSocketLike {
  readyState = 0;
  onopen: WebSocketLike['onopen'] = null;
  onmessage: WebSocketLike['onmessage'] = null;
  onclose: WebSocketLike['onclose'] = null;
  onerror: WebSocketLike['onerror'] = null;
  readonly sent: { id: number; method: string; input: unknown }[] = [];
  constructor(readonly url: string) {}
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(): void {
    this.drop(1000);
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  answer(id: number, result: unknown): void {
    this.onmessage?.({ data: JSON.stringify({ id, result }) });
  }
  drop(code: number): void {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

const idleState = {
  kioskId: null,
  language: { default: 'en', available: ['en'] },
  idle: { timeoutSeconds: 60, warningSeconds: 10 },
  pin: { minLength: 4, maxLength: 8 },
  cardId: { generatedLength: 8, minLength: 4, maxLength: 32 },
  reader: { readers: [], keyboardWedge: { enabled: true } },
  sync: { mode: 'standalone', online: false, lastSyncAt: null, pendingChanges: 0 },
  session: { phase: 'idle' },
};

describe('web-mode client', () => {
  afterEach(() => vi.useRealTimers());

  it('builds the socket URL with the token on the page’s own origin', () => {
    expect(webSocketUrl('http://127.0.0.1:4100', 'abc')).toBe('ws://127.0.0.1:4100/kiosk-socket?token=abc');
  });

  it('queues calls until the socket opens', async () => {
    const sockets: ScriptedSocket[] = [];
    const api = createWebSocketKioskApi({ origin: 'http://127.0.0.1:1', token: 't', connect: (url) => (sockets.push(new ScriptedSocket(url)), sockets.at(-1)!) });
    const pending = api.logout();
    expect(sockets[0]!.sent).toEqual([]);
    sockets[0]!.open();
    expect(sockets[0]!.sent).toEqual([{ id: 0, method: 'logout', input: {} }]);
    sockets[0]!.answer(0, { ok: true, value: { phase: 'idle' } });
    expect(await pending).toEqual({ ok: true, value: { phase: 'idle' } });
    api.close();
  });

  it('after a dropped connection reconnects and replays the host state as events', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const sockets: ScriptedSocket[] = [];
    const api = createWebSocketKioskApi({ origin: 'http://127.0.0.1:1', token: 't', connect: (url) => (sockets.push(new ScriptedSocket(url)), sockets.at(-1)!) });
    const sessions: unknown[] = [];
    api.on('session', (p) => sessions.push(p));
    sockets[0]!.open();
    const lost = api.touch();
    sockets[0]!.drop(1006);
    expect(await lost).toMatchObject({ ok: false, error: { code: 'disconnected' } });
    vi.advanceTimersByTime(250);
    expect(sockets).toHaveLength(2);
    sockets[1]!.open();
    expect(sockets[1]!.sent[0]!.method).toBe('getState');
    sockets[1]!.answer(sockets[1]!.sent[0]!.id, { ok: true, value: idleState });
    await vi.waitFor(() => expect(sessions).toEqual([{ session: { phase: 'idle' }, signedOut: null }]));
    api.close();
  });

  it('stops for good on an unauthorized close', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const sockets: ScriptedSocket[] = [];
    const api = createWebSocketKioskApi({ origin: 'http://127.0.0.1:1', token: 'wrong', connect: (url) => (sockets.push(new ScriptedSocket(url)), sockets.at(-1)!) });
    sockets[0]!.open();
    sockets[0]!.drop(4401);
    vi.advanceTimersByTime(10_000);
    expect(sockets).toHaveLength(1);
    expect(await api.getState()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});
