import { execFileSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './freePort.js';

/**
 * A throwaway PostgreSQL 15 server for one test file (DESIGN §7, stack.md §3f): initdb as user
 * postgres into a temp dir, a random loopback port, fsync off, stopped (and waited for) at the end.
 */
export interface TestPostgres {
  readonly port: number;
  /** Creates an empty database and returns its postgres:// URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server but keeps its data (a database outage); resume() starts it again on the same port. */
  pause(): void;
  resume(): void;
  stop(): void;
}

const PGBIN = '/usr/lib/postgresql/15/bin';

function asPostgres(args: string[]): void {
  execFileSync('runuser', ['-u', 'postgres', '--', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bk-pg-'));
  const data = path.join(dir, 'data');
  const sock = path.join(dir, 'sock');
  mkdirSync(sock);
  for (const p of [dir, sock]) chownSync(p, uidOf('postgres'), gidOf('postgres'));
  asPostgres([`${PGBIN}/initdb`, '-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  let port = 0;
  let started = false;
  const start = () =>
    asPostgres([`${PGBIN}/pg_ctl`, '-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '30', '-o',
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${sock} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`, 'start']);
  for (let attempt = 0; attempt < 5 && !started; attempt++) {
    port = await freePort();
    try {
      start();
      started = true;
    } catch (error) {
      if (attempt === 4) throw error;
    }
  }
  let stopped = false;
  let running = true;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    try {
      if (running) asPostgres([`${PGBIN}/pg_ctl`, '-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // A crashed test run must not leave a postmaster behind.
  process.on('exit', stop);
  return {
    port,
    async createDatabase(name) {
      const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
      await client.connect();
      try {
        await client.query(`create database "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(name)}`;
    },
    pause() {
      asPostgres([`${PGBIN}/pg_ctl`, '-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
      running = false;
    },
    resume() {
      start();
      running = true;
    },
    stop,
  };
}

function uidOf(user: string): number {
  return Number(execFileSync('id', ['-u', user]).toString().trim());
}
function gidOf(user: string): number {
  return Number(execFileSync('id', ['-g', user]).toString().trim());
}
