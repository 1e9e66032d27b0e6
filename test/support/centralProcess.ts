import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const BIN = path.join(REPO_ROOT, 'bin', 'badgekiosk');
const run = promisify(execFile);

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

import { freePort } from './freePort.js';

export { freePort };

/** Runs `badgekiosk …` to completion. */
export async function runCli(args: readonly string[], options: { input?: string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

export interface CentralProcess {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcessWithoutNullStreams;
  /** Output so far (pino lines and the banner). */
  output(): string;
  /** SIGTERM and wait: the graceful path. Resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL and wait: a crash. */
  kill(): Promise<void>;
}

/** A real `badgekiosk central` process on loopback, ready when it prints its URL. */
export async function startCentralProcess(options: {
  readonly dataDir: string;
  readonly db: string;
  readonly port?: number;
  readonly extraArgs?: readonly string[];
  readonly logLevel?: string;
}): Promise<CentralProcess> {
  const port = options.port ?? 0;
  const child = spawn(
    process.execPath,
    [BIN, '--data-dir', options.dataDir, 'central', '--db', options.db, '--listen', `127.0.0.1:${port}`, '--log-level', options.logLevel ?? 'warn', ...(options.extraArgs ?? [])],
    { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1' } },
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`central did not start in 20 s:\n${output}`)), 20_000);
    const check = () => {
      const match = /listening on (https?:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`central exited (${code}) before listening:\n${output}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export const ADMIN = { username: 'admin', password: 'correct horse battery staple' };

/** `pepperFile`: the one the central processes will be given (admin create binds a fresh database to it). */
export async function createAdminWithCli(dataDir: string, db: string, pepperFile?: string): Promise<void> {
  const file = path.join(dataDir, 'admin-password');
  await writeFile(file, ADMIN.password + '\n', { mode: 0o600 });
  const pepper = pepperFile === undefined ? [] : ['--pepper-file', pepperFile];
  const result = await runCli(['--data-dir', dataDir, 'central', 'admin', 'create', '--db', db, '--username', ADMIN.username, '--password-file', file, ...pepper]);
  await rm(file);
  if (result.code !== 0) throw new Error(`admin create failed: ${result.stderr}`);
}

export interface HttpAnswer<T = any> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** JSON over fetch; a string body is sent as text/csv. */
export async function http<T = any>(url: string, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer<T>> {
  const isText = typeof body === 'string';
  const response = await fetch(url, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': isText ? 'text/csv' : 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: isText ? (body as string) : JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON (CSV, event stream)
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

/** An administrator's cookie session (with its CSRF token) on a central store. */
export interface AdminSession {
  call<T = any>(method: string, route: string, body?: unknown): Promise<HttpAnswer<T>>;
  readonly cookie: string;
  readonly csrfToken: string;
}

export async function adminLogin(baseUrl: string): Promise<AdminSession> {
  const login = await http(`${baseUrl}/api/v1/admin/session`, 'POST', ADMIN);
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const csrfToken = login.body.csrfToken as string;
  return {
    cookie,
    csrfToken,
    call: (method, route, body) => http(`${baseUrl}${route}`, method, body, { cookie, 'x-csrf-token': csrfToken }),
  };
}

export async function eventually<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export { run as execFileAsync };

/** A central process on a fresh SQLite file in its own temp dir, with an administrator logged in. */
export interface CentralWithAdmin {
  readonly dir: string;
  readonly db: string;
  readonly central: CentralProcess;
  readonly admin: AdminSession;
  close(): Promise<void>;
}

export async function startCentralWithAdmin(prefix: string): Promise<CentralWithAdmin> {
  const dir = await tempDir(prefix);
  const db = `sqlite:${dir}/central.sqlite`;
  await createAdminWithCli(dir, db);
  const central = await startCentralProcess({ dataDir: dir, db, port: await freePort() });
  const admin = await adminLogin(central.url);
  return {
    dir, db, central, admin,
    async close() {
      await central.stop();
      await removeDir(dir);
    },
  };
}
