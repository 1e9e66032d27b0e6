import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * A private CUPS server for one test file (stack.md §3h, §3i): cupsd -f from its own configuration
 * directory under a temp dir, listening on a random loopback port only, with a permissive policy
 * that exists for tests (any client may submit, move, release and cancel), `MaxJobs 0` so benches
 * can hold thousands of jobs, and job history kept so a finished job stays visible. The system's
 * /etc/cups and any running cupsd are never touched.
 */
export interface TestCups {
  readonly port: number;
  /** The server's IPP base URL, ipp://127.0.0.1:PORT. */
  readonly url: string;
  /** ipp://127.0.0.1:PORT/printers/QUEUE */
  printerUri(queue: string): string;
  /** A raw queue on deviceUri; held: every job waits (`job-hold-until-default=indefinite`). */
  addQueue(queue: string, deviceUri: string, options?: { readonly held?: boolean }): Promise<void>;
  /** `lp -d QUEUE -U USER -t TITLE`: returns the job id CUPS gave the job. */
  submit(job: { readonly queue: string; readonly user: string; readonly title: string; readonly body?: string; readonly copies?: number }): Promise<number>;
  /** `lpadmin`/`cupsdisable`-style command against this server (for tests that change a queue behind the kiosk's back). */
  run(command: 'lp' | 'lpadmin' | 'cancel' | 'cupsdisable' | 'cupsenable' | 'lpstat' | 'lpmove', args: readonly string[]): Promise<string>;
  /** Stops cupsd but keeps its spool (a print-server outage); resume() starts it again on the same port. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
  /**
   * The IPP operations cupsd has answered, in the order it answered them (its access log; needs
   * `logEveryRequest`, as cupsd logs only changes by default).
   */
  answeredOperations(): string[];
}

export interface TestCupsOptions {
  /** `AccessLogLevel all`: every request in the access log, for tests of which request went first. */
  readonly logEveryRequest?: boolean;
  /** CUPS's default `JobPrivateAccess`/`JobPrivateValues`: other people's names and titles hidden from a reader who is not the owner. */
  readonly privateJobValues?: boolean;
}

const CUPSD = '/usr/sbin/cupsd';
const runFile = promisify(execFile);

/** Fails with a message that says what to install, instead of an ENOENT from deep inside a test. */
export function assertCupsInstalled(): void {
  const missing = [CUPSD, '/usr/sbin/lpadmin', '/usr/bin/lp', '/usr/bin/lpstat'].filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new Error(
      `The print tests need a real CUPS server, but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing. ` +
        'Install it with: apt-get install -y --no-install-recommends cups cups-client (.ci/run does this).',
    );
  }
}

export async function startTestCups(options: TestCupsOptions = {}): Promise<TestCups> {
  assertCupsInstalled();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bk-cups-'));
  const etc = path.join(dir, 'etc');
  const spool = path.join(dir, 'spool');
  const folders = [etc, spool, path.join(spool, 'tmp'), path.join(dir, 'cache'), path.join(dir, 'run'), path.join(dir, 'log'), path.join(etc, 'ppd')];
  for (const folder of folders) mkdirSync(folder, { recursive: true });
  const port = await freeLoopbackPort();
  writeFileSync(path.join(etc, 'cups-files.conf'), cupsFilesConf(dir));
  writeFileSync(path.join(etc, 'cupsd.conf'), cupsdConf(dir, port, options));
  const lp = { uid: idOf('-u', 'lp'), gid: idOf('-g', 'lp') };
  chmodSync(dir, 0o755);
  for (const folder of folders) chownSync(folder, 0, lp.gid);
  chmodSync(spool, 0o710);
  chmodSync(path.join(spool, 'tmp'), 0o1770);
  const args = ['-f', '-c', path.join(etc, 'cupsd.conf'), '-s', path.join(etc, 'cups-files.conf')];
  execFileSync(CUPSD, ['-t', ...args.slice(1)], { stdio: ['ignore', 'ignore', 'pipe'] });

  const env = { ...process.env, CUPS_SERVER: `127.0.0.1:${port}` };
  let child: ChildProcess | undefined;
  let output = '';
  const start = async () => {
    output = '';
    const started = spawn(CUPSD, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    started.stdout!.on('data', (d) => (output += d));
    started.stderr!.on('data', (d) => (output += d));
    child = started;
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (started.exitCode !== null) throw new Error(`cupsd exited with ${started.exitCode}:\n${output}`);
      if (await accepts(port)) return;
      if (Date.now() > deadline) throw new Error(`cupsd did not listen on 127.0.0.1:${port} within 15 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const halt = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };
  // A crashed test run must not leave a cupsd behind.
  const onExit = () => child?.kill('SIGKILL');
  process.on('exit', onExit);
  await start();

  const run: TestCups['run'] = async (command, commandArgs) => {
    const { stdout } = await runFile(command, [...commandArgs], { env }).catch((error: { stderr?: string; message: string }) => {
      throw new Error(`${command} ${commandArgs.join(' ')} failed: ${error.stderr || error.message}`);
    });
    return stdout;
  };

  const answeredOperations = (): string[] => {
    // Each line ends with the operation and its status: `… "POST /jobs/7 HTTP/1.1" 200 160 Release-Job successful-ok`.
    const log = readFileSync(path.join(dir, 'log', 'access_log'), 'utf8');
    return log.split('\n').flatMap((line) => /"POST [^"]*" \d+ \d+ (\S+) \S+$/.exec(line)?.[1] ?? []);
  };
  // cupsd writes a request's access-log line after its answer has gone out, so lp can return before
  // its Send-Document is logged; a test that counts operations from "now" would then see it late.
  let submitted = 0;
  const documentsLogged = async (count: number): Promise<void> => {
    const deadline = Date.now() + 5_000;
    const logged = () => answeredOperations().filter((operation) => operation === 'Send-Document' || operation === 'Print-Job').length;
    while (logged() < count) {
      if (Date.now() > deadline) throw new Error(`cupsd logged ${logged()} submitted documents after 5 s, expected ${count}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };

  return {
    port,
    url: `ipp://127.0.0.1:${port}`,
    printerUri: (queue) => `ipp://127.0.0.1:${port}/printers/${queue}`,
    async addQueue(queue, deviceUri, options = {}) {
      await run('lpadmin', ['-p', queue, '-E', '-v', deviceUri, ...(options.held ? ['-o', 'job-hold-until-default=indefinite'] : [])]);
    },
    async submit(job) {
      const file = path.join(dir, `job-${process.hrtime.bigint()}.txt`);
      writeFileSync(file, job.body ?? `${job.title}\n`);
      try {
        const out = await run('lp', ['-d', job.queue, '-U', job.user, '-t', job.title, ...(job.copies ? ['-n', String(job.copies)] : []), file]);
        const match = /request id is .+-(\d+) /.exec(out);
        if (!match) throw new Error(`lp gave no job id: ${out}`);
        submitted += 1;
        if (options.logEveryRequest) await documentsLogged(submitted);
        return Number(match[1]);
      } finally {
        rmSync(file, { force: true });
      }
    },
    run,
    answeredOperations,
    pause: halt,
    resume: start,
    async stop() {
      process.off('exit', onExit);
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function cupsFilesConf(dir: string): string {
  return [
    `ServerRoot ${dir}/etc`,
    `RequestRoot ${dir}/spool`,
    `TempDir ${dir}/spool/tmp`,
    `CacheDir ${dir}/cache`,
    `StateDir ${dir}/run`,
    `AccessLog ${dir}/log/access_log`,
    `ErrorLog ${dir}/log/error_log`,
    `PageLog ${dir}/log/page_log`,
    'FileDevice Yes',
    'User lp',
    'Group lp',
    'SystemGroup root lpadmin',
    'ServerBin /usr/lib/cups',
    'DataDir /usr/share/cups',
    '',
  ].join('\n');
}

function cupsdConf(dir: string, port: number, options: TestCupsOptions): string {
  return [
    `Listen 127.0.0.1:${port}`,
    `Listen ${dir}/run/cups.sock`,
    'Browsing Off',
    'WebInterface No',
    'LogLevel warn',
    ...(options.logEveryRequest ? ['AccessLogLevel all'] : []),
    'MaxJobs 0',
    'PreserveJobHistory Yes',
    'PreserveJobFiles No',
    '<Location />',
    '  Order allow,deny',
    '  Allow all',
    '</Location>',
    // For tests only: anyone on loopback may act on any job or queue.
    '<Policy default>',
    ...(options.privateJobValues ? ['  JobPrivateAccess default', '  JobPrivateValues default'] : ['  JobPrivateAccess all', '  JobPrivateValues none']),
    '  SubscriptionPrivateAccess all',
    '  SubscriptionPrivateValues none',
    '  <Limit All>',
    '    Order deny,allow',
    '  </Limit>',
    '</Policy>',
    '',
  ].join('\n');
}

function idOf(flag: '-u' | '-g', user: string): number {
  return Number(execFileSync('id', [flag, user]).toString().trim());
}

/** A port free on loopback now (this file is also used by bench/, which cannot load centralProcess.ts). */
async function freeLoopbackPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

async function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * A physical printer as CUPS's AppSocket (JetDirect) backend sees it: a TCP listener on loopback
 * that keeps every byte of each connection. Device URI socket://127.0.0.1:PORT.
 */
export interface AppSocketPrinter {
  readonly port: number;
  readonly deviceUri: string;
  /** The bytes of each finished connection (one per printed job), in order. */
  jobs(): readonly Buffer[];
  /** Everything received so far, finished or not, as text. */
  receivedText(): string;
  /** Resolves when `count` connections have finished, or fails after timeoutMs naming what arrived. */
  waitForJobs(count: number, timeoutMs?: number): Promise<readonly Buffer[]>;
  /** Resolves at the first byte of the next connection (for benches): performance.now() of its arrival. */
  nextFirstByte(): Promise<number>;
  close(): Promise<void>;
}

export async function startAppSocketPrinter(): Promise<AppSocketPrinter> {
  const finished: Buffer[] = [];
  const open = new Set<Buffer[]>();
  const waiters: Array<() => void> = [];
  const firstByteWaiters: Array<(at: number) => void> = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    open.add(chunks);
    socket.on('data', (chunk: Buffer) => {
      if (chunks.length === 0) for (const waiter of firstByteWaiters.splice(0)) waiter(performance.now());
      chunks.push(chunk);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      open.delete(chunks);
      if (chunks.length > 0) finished.push(Buffer.concat(chunks));
      for (const waiter of waiters.splice(0)) waiter();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    deviceUri: `socket://127.0.0.1:${port}`,
    jobs: () => [...finished],
    receivedText: () => [...finished, ...[...open].map((chunks) => Buffer.concat(chunks))].map((b) => b.toString('utf8')).join(''),
    async waitForJobs(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (finished.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`printer on port ${port} received ${finished.length} job(s) within ${timeoutMs} ms, expected ${count}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return [...finished];
    },
    nextFirstByte: () => new Promise((resolve) => firstByteWaiters.push(resolve)),
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
