import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse';
import { migrate } from '../src/store/index.js';
import { emit, ratio } from './benchStats.js';

const ROWS = 100_000;
const repoRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

async function writeCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write('username,name,email,primary_card,secondary_card,pin\n');
  for (let i = 0; i < rows; i++) {
    const line = `user${i},User ${i},user${i}@example.org,${10_000_000 + i},${20_000_000 + i},\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * Peak resident memory (the kernel's high-water mark) and CPU time so far of a running process
 * (Linux /proc). CPU time shows what the import costs apart from waiting for a busy machine.
 */
async function sampleProcess(pid: number): Promise<{ hwmKb: number; cpuSeconds: number } | undefined> {
  try {
    const [status, stat] = await Promise.all([readFile(`/proc/${pid}/status`, 'utf8'), readFile(`/proc/${pid}/stat`, 'utf8')]);
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(status);
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { hwmKb: hwm ? Number(hwm[1]) : 0, cpuSeconds: ticks / CLOCK_TICKS_PER_SECOND };
  } catch {
    return undefined; // the process has exited
  }
}

async function importThroughCli(dataDir: string, csv: string): Promise<{ seconds: number; cpuSeconds: number; peakRssMb: number }> {
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/badgekiosk'), '--data-dir', dataDir, 'users', 'import', csv], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit') as Promise<[number | null]>;
  let peakKb = 0;
  let cpuSeconds = 0;
  let done = false;
  void exited.then(() => (done = true));
  // VmHWM and CPU time only grow, so the last reading before exit is (within one poll) the total.
  while (!done) {
    const sample = await sampleProcess(child.pid!);
    if (sample) {
      peakKb = Math.max(peakKb, sample.hwmKb);
      cpuSeconds = Math.max(cpuSeconds, sample.cpuSeconds);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const [code] = await exited;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (code !== 0) throw new Error(`users import exited ${code}: ${output.trim()}`);
  return { seconds, cpuSeconds, peakRssMb: Math.round(peakKb / 1024) };
}

/**
 * The same work with the raw libraries in this process, on the same schema (the store's
 * migrations, card_numbers trigger included): csv-parse into one better-sqlite3 transaction, with
 * no checks. The difference to the CLI is process start, validation and the uniqueness checks.
 */
async function importRaw(file: string, csv: string): Promise<number> {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  const start = process.hrtime.bigint();
  const insert = db.prepare(
    `INSERT INTO users (id, username, display_name, email, primary_card, secondary_card, pin_hash, version, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, 1, ?)`,
  );
  const rows: string[][] = [];
  for await (const record of createReadStream(csv).pipe(parse({ from_line: 2 })) as AsyncIterable<string[]>) rows.push(record);
  db.transaction(() => {
    const now = Date.now();
    for (const [username, name, email, primary, secondary] of rows) insert.run(randomUUID(), username, name, email, primary, secondary, now);
  })();
  db.close();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export async function runUsersImportBench(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-import-'));
  try {
    const csv = path.join(dir, 'users.csv');
    await writeCsv(csv, ROWS);
    const cli = await importThroughCli(path.join(dir, 'data'), csv);
    const rawSeconds = await importRaw(path.join(dir, 'raw.sqlite'), csv);
    emit({
      bench: 'users-import',
      rows: ROWS,
      seconds: Math.round(cli.seconds * 100) / 100,
      cpuSeconds: Math.round(cli.cpuSeconds * 100) / 100,
      rawSeconds: Math.round(rawSeconds * 100) / 100,
      ratio: ratio(cli.seconds, rawSeconds),
      goal: 'seconds <= 5',
      met: cli.seconds <= 5,
    });
    emit({ bench: 'users-import-peak-rss', rows: ROWS, peakRssMb: cli.peakRssMb, goal: 'peakRssMb <= 250', met: cli.peakRssMb <= 250 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
