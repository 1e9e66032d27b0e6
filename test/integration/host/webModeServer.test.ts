import http from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import type { KioskApi, KioskEvent } from '../../../src/contract/index.js';
import { DEMO_USERS } from '../../../src/host/demoUsers.js';
import { startWebModeServer, type WebModeServer } from '../../../src/host/web/webModeServer.js';
import { createWebSocketKioskApi, type WebSocketLike } from '../../../renderer/shared/webSocketKioskApi.js';
import { openHostKiosk, type HostKiosk } from '../../support/hostKiosk.js';

const ada = DEMO_USERS.find((u) => u.username === 'ada')!;

let kiosk: HostKiosk;
let server: WebModeServer;
let rendererDir: string;
const clients: { close(): void }[] = [];

beforeAll(async () => {
  rendererDir = mkdtempSync(path.join(os.tmpdir(), 'badgekiosk-renderer-'));
  mkdirSync(path.join(rendererDir, 'assets'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title><script type="module" src="./assets/app.js"></script>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("kiosk")');
  kiosk = await openHostKiosk();
  server = await startWebModeServer({ host: kiosk.runtime.host, logger: kiosk.logger, rendererDir });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.close();
  await kiosk.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

/** Raw frames over a real socket, as a hostile or buggy page would send them. */
function rawSocket(url: string, origin = server.origin): Promise<{ ws: WebSocket; frames: unknown[]; closed: Promise<number> }> {
  const ws = new WebSocket(url, { origin });
  const frames: unknown[] = [];
  ws.on('message', (data) => frames.push(JSON.parse(String(data))));
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  clients.push(ws);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, frames, closed }));
    ws.once('error', reject);
  });
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

function socketUrl(token: string) {
  return `ws://127.0.0.1:${server.port}/kiosk-socket?token=${token}`;
}

function rendererClient(): KioskApi {
  const api = createWebSocketKioskApi({
    origin: server.origin,
    token: server.token,
    connect: (url) => new WebSocket(url, { origin: server.origin }) as unknown as WebSocketLike,
  });
  clients.push(api);
  return api;
}

describe('web mode over a real WebSocket on loopback', () => {
  it('listens on 127.0.0.1 only, on a random port, with the token in the URL hash', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toBe(`${server.origin}/#token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a wrong token with an error value and closes, and logs it', async () => {
    const { frames, closed } = await rawSocket(socketUrl('0'.repeat(64)));
    expect(await closed).toBe(4401);
    expect(frames).toEqual([{ id: null, result: { ok: false, error: expect.objectContaining({ code: 'unauthorized' }) } }]);
    expect(kiosk.logs.find('refused a kiosk socket')).toMatchObject({ why: 'wrong or missing token' });
    expect(kiosk.logs.text).not.toContain(server.token);
  });

  it('refuses the right token from a foreign origin (another page in the browser)', async () => {
    const { frames, closed } = await rawSocket(socketUrl(server.token), 'http://evil.example');
    expect(await closed).toBe(4401);
    expect((frames[0] as any).result.error.code).toBe('unauthorized');
  });

  it('answers unreadable frames, unknown methods and malformed payloads with error values, logged', async () => {
    const { ws, frames } = await rawSocket(socketUrl(server.token));
    ws.send('this is not json');
    ws.send(JSON.stringify({ id: 7, method: 'getState' }));
    ws.send(JSON.stringify({ id: 8, method: 'exportDatabase', input: {} }));
    ws.send(JSON.stringify({ id: 9, method: 'submitPin', input: { pin: 2580, extra: 'S3CR3T-4411' } }));
    await until(() => frames.filter((f: any) => 'result' in f).length === 4);
    const results = frames.filter((f: any) => 'result' in f) as any[];
    expect(results[0]).toMatchObject({ id: null, result: { ok: false, error: { code: 'bad-request' } } });
    expect(results[1]).toMatchObject({ id: 7, result: { ok: false, error: { code: 'bad-request' } } });
    expect(results[2]).toMatchObject({ id: 8, result: { ok: false, error: { code: 'unknown-method' } } });
    expect(results[3]).toMatchObject({ id: 9, result: { ok: false, error: { code: 'bad-request' } } });
    expect(kiosk.logs.find('refused an unreadable socket frame')).toBeDefined();
    expect(kiosk.logs.find('refused a call to an unknown method')).toMatchObject({ method: 'exportDatabase' });
    expect(kiosk.logs.find('refused a malformed payload')).toMatchObject({ method: 'submitPin' });
    expect(kiosk.logs.text).not.toContain('S3CR3T-4411');
  });

  it('carries a whole sign-in through the renderer client; the page never sees a PIN hash or another user', async () => {
    const api = rendererClient();
    const events: KioskEvent[] = [];
    api.on('session', (payload) => events.push({ event: 'session', payload }));
    const frames: string[] = [];
    const spy = await rawSocket(socketUrl(server.token));
    spy.ws.on('message', (data) => frames.push(String(data)));

    expect((await api.getState()).ok).toBe(true);
    expect(await api.presentCard({ cardNumber: ada.primaryCard })).toEqual({ ok: true, value: { phase: 'enter-pin', via: 'card' } });
    const wrong = await api.submitPin({ pin: '9999' });
    expect(wrong.ok || wrong.error.code).toBe('wrong-pin');
    const signedIn = await api.submitPin({ pin: ada.pin! });
    expect(signedIn.ok && signedIn.value.phase).toBe('signed-in');
    await until(() => events.some((e) => e.event === 'session' && e.payload.session.phase === 'signed-in'));
    expect((await api.logout()).ok).toBe(true);
    await until(() => events.some((e) => e.event === 'session' && e.payload.signedOut?.reason === 'logout'));

    const everything = JSON.stringify([frames, events]);
    expect(everything).not.toMatch(/argon2|pinHash/i);
    for (const other of DEMO_USERS.filter((u) => u !== ada)) {
      expect(everything).not.toContain(other.username);
      expect(everything).not.toContain(other.primaryCard);
    }
  });

  it('serves the built renderer with a strict CSP, and nothing outside it', async () => {
    const get = (p: string, host = `127.0.0.1:${server.port}`) =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
        http.get({ host: '127.0.0.1', port: server.port, path: p, headers: { host } }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
        }).on('error', reject);
      });
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>kiosk</title>');
    const csp = String(index.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
    expect(csp).not.toContain('unsafe');
    expect(index.headers['x-frame-options']).toBe('DENY');
    expect((await get('/assets/app.js')).headers['content-type']).toContain('text/javascript');
    expect((await get('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await get('/', 'kiosk.attacker.example:80')).status).toBe(421);
  });
});
