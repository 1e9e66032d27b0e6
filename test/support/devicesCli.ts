import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve(__dirname, '..', '..', 'bin', 'badgekiosk');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs ./bin/badgekiosk to completion (dist/ is rebuilt by the vitest global setup). */
export function runCli(args: readonly string[], timeoutMs = 20_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`badgekiosk ${args.join(' ')} did not finish within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A long-running ./bin/badgekiosk (readers watch) whose output the test waits on. */
export class RunningCli {
  stdout = '';
  stderr = '';
  private readonly child: ChildProcess;
  private readonly closed: Promise<number | null>;
  private waiters: Array<() => void> = [];

  constructor(args: readonly string[]) {
    this.child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => this.append('stdout', chunk));
    this.child.stderr!.on('data', (chunk: Buffer) => this.append('stderr', chunk));
    this.closed = new Promise((resolve) => this.child.on('close', resolve));
  }

  private append(stream: 'stdout' | 'stderr', chunk: Buffer): void {
    this[stream] += chunk.toString();
    for (const waiter of this.waiters) waiter();
  }

  /** Resolves once `predicate` holds for the output so far; rejects after timeoutMs with what was seen. */
  waitFor(predicate: (out: { stdout: string; stderr: string }) => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate(this)) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`timed out waiting for ${what}; stdout: ${this.stdout} stderr: ${this.stderr}`));
      }, timeoutMs);
      this.waiters.push(check);
      check();
    });
  }

  /** SIGTERM, as Ctrl-C would; resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    return this.closed;
  }
}
