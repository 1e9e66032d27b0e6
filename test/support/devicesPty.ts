import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A socat pseudo-terminal pair standing in for a serial reader (readers.md §5.1): the app opens
 * `appPath`, the test writes device bytes to `readerPath`. `rawer` on both ends, or the pty's
 * output processing turns 0A into 0D 0A. stop() is an unplug; start() again on the same link
 * paths is a replug. Shared by integration tests and bench/devices.ts.
 */
export class SocatPtyPair {
  readonly readerPath: string;
  readonly appPath: string;
  private child: ChildProcess | undefined;

  private constructor(private readonly dir: string) {
    this.readerPath = path.join(dir, 'ttyREADER');
    this.appPath = path.join(dir, 'ttyAPP');
  }

  static async start(): Promise<SocatPtyPair> {
    const pair = new SocatPtyPair(mkdtempSync(path.join(os.tmpdir(), 'badgekiosk-pty-')));
    await pair.start();
    return pair;
  }

  async start(): Promise<void> {
    if (this.child) throw new Error('socat is already running');
    const child = spawn('socat', [`pty,rawer,link=${this.readerPath}`, `pty,rawer,link=${this.appPath}`], { stdio: 'ignore' });
    this.child = child;
    const deadline = Date.now() + 5000;
    while (!(existsSync(this.readerPath) && existsSync(this.appPath))) {
      if (child.exitCode !== null) throw new Error(`socat exited with code ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error('socat did not create its pty links within 5 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Kills socat: the app's end goes away as when a USB reader is unplugged. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  /** Bytes from the "reader": only once the app's port is open, since opening flushes input (readers.md §4.2). */
  write(bytes: Uint8Array | string): void {
    writeFileSync(this.readerPath, typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
