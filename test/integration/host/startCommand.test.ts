import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { createWebSocketKioskApi, type WebSocketLike } from '../../../renderer/shared/webSocketKioskApi.js';
import type { KioskApi } from '../../../src/contract/index.js';
import { simulatedFrame } from '../../../src/devices/simulatedFrames.js';
import { SocatPtyPair } from '../../support/devicesPty.js';

const repoRoot = path.resolve(__dirname, '../../..');
const cli = path.join(repoRoot, 'bin', 'badgekiosk');

/** The environment of a fresh machine: no display, no Electron runtime. */
function freshEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  delete env.BADGEKIOSK_ELECTRON;
  delete env.BADGEKIOSK_DATA_DIR;
  return env;
}

function startKiosk(dataDir: string, args: string[] = []): { child: ChildProcess; output: () => string; ready: Promise<string> } {
  const child = spawn(process.execPath, [cli, '--data-dir', dataDir, 'start', ...args], { env: freshEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  const ready = new Promise<string>((resolve, reject) => {
    const onData = () => {
      // The last start-up line: everything before it has been printed.
      const match = /ready: (http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64})/.exec(out);
      if (match && out.includes('Press Ctrl+C to stop.')) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`start exited with ${code} before it was ready:\n${out}`)));
  });
  return { child, output: () => out, ready };
}

async function until(check: () => unknown, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function stopped(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });
}

describe('badgekiosk start (the newcomer’s start)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'badgekiosk-start-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('on a fresh machine without display or Electron: web mode, URL and demo users printed, kiosk usable, stops cleanly', async () => {
    const kiosk = startKiosk(dataDir);
    try {
      const url = new URL(await kiosk.ready);
      expect(kiosk.output()).toContain('starting web mode');
      expect(kiosk.output()).toMatch(/ada\s+0004521337\s+7001\s+2580/);
      expect(kiosk.output()).toContain('No display');
      // The embedded central store's admin console, and how its first administrator comes to exist.
      const consoleUrl = /Admin console: (http:\/\/127\.0\.0\.1:\d+\/admin\/)/.exec(kiosk.output())![1]!;
      expect(kiosk.output()).toContain(`First administrator: badgekiosk --data-dir ${dataDir} central admin create --username NAME`);
      const consolePage = await fetch(consoleUrl);
      expect(consolePage.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
      const api = createWebSocketKioskApi({
        origin: url.origin,
        token,
        connect: (u) => new WebSocket(u, { origin: url.origin }) as unknown as WebSocketLike,
      });
      const first = await api.presentCard({ cardNumber: '0004521337' });
      expect(first).toEqual({ ok: true, value: { phase: 'enter-pin', via: 'card' } });
      const signedIn = await api.submitPin({ pin: '2580' });
      expect(signedIn.ok && signedIn.value.phase).toBe('signed-in');
      api.close();
    } finally {
      kiosk.child.kill('SIGTERM');
    }
    expect(await stopped(kiosk.child)).toBe(0);
    expect(kiosk.output()).toContain('Stopping (SIGTERM)');
  });

  it('starts again on the same data directory without seeding twice', async () => {
    const kiosk = startKiosk(dataDir, ['--no-browser']);
    try {
      await kiosk.ready;
      expect(kiosk.output()).toContain('Demo users');
      expect(kiosk.output()).not.toContain('No display');
      // The embedded central store's port is new at every start: the start says where it is now.
      await until(() => /Embedded central store \(admin API and \/api\/v1\/openapi\.json\): (http:\/\/127\.0\.0\.1:\d+)/.exec(kiosk.output()));
      const central = /Embedded central store \(admin API and \/api\/v1\/openapi\.json\): (http:\/\/127\.0\.0\.1:\d+)/.exec(kiosk.output())![1]!;
      const openapi = await fetch(`${central}/api/v1/openapi.json`);
      expect(openapi.status).toBe(200);
      expect(Object.keys(((await openapi.json()) as { paths: object }).paths)).toContain('/api/v1/admin/session');
    } finally {
      kiosk.child.kill('SIGINT');
    }
    expect(await stopped(kiosk.child)).toBe(0);
    const count = spawnSync(process.execPath, ['-e', `const D=require('better-sqlite3');const db=new D(process.argv[1],{readonly:true});console.log(db.prepare('select count(*) n from users').get().n)`, path.join(dataDir, 'kiosk.sqlite')], { cwd: repoRoot, encoding: 'utf8' });
    expect(count.stdout.trim()).toBe('3');
    // Enrolled with the central store `start` runs itself: the CLI writes users there, not to the copy.
    const add = spawnSync(process.execPath, [cli, '--data-dir', dataDir, 'users', 'add', '--username', 'zed', '--primary-card', '0007770001'], { env: freshEnv(), encoding: 'utf8' });
    expect({ status: add.status, stderr: add.stderr }).toEqual({ status: 0, stderr: '' });
    expect(add.stdout).toContain('Users of this kiosk live in the central store `badgekiosk start` runs in this data directory');
  });

  it('reads cards from a serial reader given on the command line (socat pty): the swipe opens the PIN pad', async () => {
    const pty = await SocatPtyPair.start();
    const kiosk = startKiosk(dataDir, ['--web', '--no-browser', '--standalone', '--serial-preset', 'rdm6300', '--serial-port', pty.appPath]);
    let api: KioskApi | null = null;
    try {
      const url = new URL(await kiosk.ready);
      api = createWebSocketKioskApi({
        origin: url.origin,
        token: new URLSearchParams(url.hash.slice(1)).get('token')!,
        connect: (u) => new WebSocket(u, { origin: url.origin }) as unknown as WebSocketLike,
      });
      // The port opens in the background; bytes written before it is open are flushed away.
      let state = await api.getState();
      for (let i = 0; i < 300 && state.ok && state.value.reader.readers[0]?.state !== 'ready'; i++) {
        await new Promise((r) => setTimeout(r, 10));
        state = await api.getState();
      }
      expect(state.ok && state.value.reader.readers).toEqual([{ id: 'given-at-start', label: `rdm6300 on ${pty.appPath}`, kind: 'serial', state: 'ready' }]);
      const seen: string[] = [];
      api.on('cardRead', (read) => seen.push(`${read.source}:${read.error?.code ?? 'ok'}`));
      api.on('session', ({ session }) => seen.push(session.phase));
      // ada's card 0004521337 is 0x0044FD79: EM4100 ID 01 0044FD79 (rdm6300 prints the last 4 bytes in decimal).
      const frame = simulatedFrame('rdm6300', '010044FD79');
      expect(frame.ok).toBe(true);
      if (frame.ok) pty.write(frame.value);
      for (let i = 0; i < 300 && !seen.includes('serial:ok'); i++) await new Promise((r) => setTimeout(r, 10));
      expect(seen).toEqual(['enter-pin', 'serial:ok']);
    } finally {
      api?.close();
      kiosk.child.kill('SIGTERM');
      await stopped(kiosk.child);
      await pty.dispose();
    }
  });

  it('refuses a serial reader it cannot use, saying why', () => {
    const result = spawnSync(process.execPath, [cli, '--data-dir', dataDir, 'start', '--web', '--serial-preset', 'rdm6300'], { env: freshEnv(), encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--serial-preset and --serial-port go together');
    const bad = spawnSync(process.execPath, [cli, '--data-dir', dataDir, 'start', '--web', '--serial-preset', 'nope', '--serial-port', '/dev/null'], { env: freshEnv(), encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown preset "nope"');
  });

  it('refuses a bad port with a usage error', () => {
    const result = spawnSync(process.execPath, [cli, '--data-dir', dataDir, 'start', '--web', '--port', '99999'], { env: freshEnv(), encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--port must be a number from 1 to 65535');
  });
});
