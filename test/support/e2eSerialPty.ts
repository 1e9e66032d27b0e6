import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * A real pseudo-terminal pair (socat), as readers.md §5.1: the kiosk opens `appPath` with
 * serialport; the test plays the reader by writing bytes to `readerPath`.
 */
export interface PtyPair {
  readonly appPath: string;
  readonly readerPath: string;
  write(bytes: Uint8Array | string): void;
  close(): Promise<void>;
}

export async function openPtyPair(dir: string, name = 'reader'): Promise<PtyPair> {
  const readerPath = path.join(dir, `${name}-device`);
  const appPath = path.join(dir, `${name}-app`);
  const socat: ChildProcess = spawn('socat', ['-d', '-d', `pty,rawer,link=${readerPath}`, `pty,rawer,link=${appPath}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  socat.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 5000;
  while (!(existsSync(readerPath) && existsSync(appPath))) {
    if (socat.exitCode !== null || Date.now() > deadline) {
      socat.kill();
      throw new Error(`socat did not create the pty pair: ${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const fd = openSync(readerPath, 'w');
  let closed = false;
  return {
    appPath,
    readerPath,
    write(bytes) {
      writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
    },
    async close() {
      if (closed) return;
      closed = true;
      closeSync(fd);
      if (socat.exitCode !== null) return;
      const exited = new Promise((resolve) => socat.once('exit', resolve));
      socat.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * An RDM6300 / EM4100 frame (readers.md §1.5) for a card whose printed number is the decimal
 * value of its 32-bit ID: STX, 10 hex chars (version byte 00 + ID), XOR checksum, ETX.
 */
export function rdm6300Frame(printedNumber: string, versionByte = 0): Buffer {
  const id = Number(printedNumber);
  if (!Number.isInteger(id) || id < 0 || id > 0xffffffff) throw new RangeError(`not a 32-bit card number: ${printedNumber}`);
  const bytes = [versionByte, (id >>> 24) & 0xff, (id >>> 16) & 0xff, (id >>> 8) & 0xff, id & 0xff];
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');
  const checksum = bytes.reduce((a, b) => a ^ b, 0);
  return Buffer.from(`\x02${bytes.map(hex).join('')}${hex(checksum)}\x03`, 'latin1');
}
