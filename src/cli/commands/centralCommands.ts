import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { UsageError, type CliCommand } from '../cliCommand.js';
import { integerOption, parseOptions, requireOption } from '../parseOptions.js';
import { readSecret } from '../secretInput.js';
import { missingPepperProblem } from '../centralPepper.js';
import { kioskPaths } from '../../store/index.js';

/**
 * Where a central store keeps its files when --db / --pepper-file are not given: the embedded
 * central store's own (the one `badgekiosk start` runs), so both open the same site.
 */
export function defaults(dataDir: string) {
  const paths = kioskPaths(dataDir);
  return { db: `sqlite:${paths.embeddedCentralDb}`, pepperFile: paths.pepper };
}

function parseListen(value: string): { host: string; port: number } {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:\s]+):(\d{1,5})$/.exec(value);
  const port = match ? Number(match[2]) : NaN;
  if (!match || port > 65535) throw new UsageError(`--listen must be HOST:PORT (such as 0.0.0.0:8443 or 127.0.0.1:0), got ${JSON.stringify(value)}.`);
  return { host: match[1]!.replace(/^\[|\]$/g, ''), port };
}

export const centralServeCommand: CliCommand = {
  path: ['central'],
  summary: 'Run the central store server (SQLite or PostgreSQL)',
  usage:
    'badgekiosk central [--db sqlite:PATH|postgres://USER@HOST:PORT/DB] --listen HOST:PORT [--tls-cert FILE --tls-key FILE] [--pepper-file FILE] [--directory-bind-password-file FILE] [--log-level LEVEL] [--live-channels-per-kiosk N] [--user-sign-ins-per-minute N]\n' +
    '  --db defaults to sqlite:<data-dir>/central/central.sqlite; --pepper-file to <data-dir>/secrets/pepper\n' +
    '  (the embedded central store of badgekiosk start uses the same two; every central process of one site must use\n' +
    '  the same pepper file). --live-channels-per-kiosk (default 3, 1 to 100): live channels one kiosk token may hold;\n' +
    '  a newer one closes the oldest. --user-sign-ins-per-minute (default 20, 1 to 100000): User web interface sign-in\n' +
    '  attempts per client address and process (raise it when many users reach the server through one proxy address).\n' +
    '  Stops cleanly on SIGTERM or SIGINT.',
  async run(ctx, argv) {
    const { values } = parseOptions(argv, {
      db: { type: 'string' },
      listen: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'pepper-file': { type: 'string' },
      'directory-bind-password-file': { type: 'string' },
      'log-level': { type: 'string' },
      'live-channels-per-kiosk': { type: 'string' },
      'user-sign-ins-per-minute': { type: 'string' },
    });
    const perKiosk = integerOption(values['live-channels-per-kiosk'], '--live-channels-per-kiosk', 1, 100);
    const signInsPerMinute = integerOption(values['user-sign-ins-per-minute'], '--user-sign-ins-per-minute', 1, 100_000);
    const { host, port } = parseListen(requireOption(values.listen, '--listen'));
    if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) throw new UsageError('Give both --tls-cert and --tls-key, or neither.');
    const logLevel = values['log-level'] ?? 'info';
    if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) throw new UsageError(`Unknown --log-level ${logLevel}.`);
    const fallback = defaults(ctx.dataDir);
    const db = values.db ?? fallback.db;
    const pepperFile = values['pepper-file'] ?? fallback.pepperFile;
    const problem = await missingPepperProblem(db, pepperFile);
    if (problem) {
      ctx.stderr.write(`${problem}\n`);
      return 1;
    }
    // Loaded on use: the server's packages (fastify, kysely, pg) cost every other command a second otherwise.
    const { startCentral } = await import('../../central/startCentral.js');
    const central = await startCentral({
      db,
      host,
      port,
      pepperFile,
      ...(values['directory-bind-password-file'] !== undefined ? { directoryBindPasswordFile: values['directory-bind-password-file'] } : {}),
      ...(values['tls-cert'] && values['tls-key'] ? { tls: { certFile: values['tls-cert'], keyFile: values['tls-key'] } } : {}),
      logLevel,
      ...(perKiosk !== undefined ? { liveChannelsPerKiosk: perKiosk } : {}),
      ...(signInsPerMinute !== undefined ? { rateLimits: { userSignInPerMinute: signInsPerMinute } } : {}),
    });
    ctx.stdout.write(`badgekiosk central store listening on ${central.url} (${central.ctx.storage.dialect}, site ${central.ctx.siteId})\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGTERM', stop);
        process.off('SIGINT', stop);
        resolve();
      };
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    });
    await central.close();
    ctx.stdout.write('badgekiosk central store stopped\n');
    return 0;
  },
};

export const centralAdminCreateCommand: CliCommand = {
  path: ['central', 'admin', 'create'],
  summary: 'Create a central store administrator',
  usage:
    'badgekiosk central admin create --username U [--password-file FILE] [--db sqlite:PATH|postgres://…] [--pepper-file FILE]\n' +
    '  Without --password-file the password is asked for (or read from the first line of standard input).\n' +
    '  The password is hashed with the site pepper (the file `central` uses; same defaults as there).',
  async run(ctx, argv) {
    const { values } = parseOptions(argv, { username: { type: 'string' }, 'password-file': { type: 'string' }, db: { type: 'string' }, 'pepper-file': { type: 'string' } });
    const username = requireOption(values.username, '--username');
    const fallback = defaults(ctx.dataDir);
    const db = values.db ?? fallback.db;
    const pepperFile = values['pepper-file'] ?? fallback.pepperFile;
    let password: string;
    if (values['password-file'] !== undefined) {
      password = (await readFile(values['password-file'], 'utf8')).replace(/\r?\n$/, '');
    } else {
      password = await readSecret(`Password for ${username}: `, ctx.stderr);
      if (process.stdin.isTTY && (await readSecret('Repeat the password: ', ctx.stderr)) !== password) {
        ctx.stderr.write('The passwords differ; nothing was created.\n');
        return 1;
      }
    }
    // The same rule as `central`: a site's database never gets a new pepper, or its admins could not log in.
    const problem = await missingPepperProblem(db, pepperFile);
    if (problem) {
      ctx.stderr.write(`${problem}\n`);
      return 1;
    }
    const { openCentralStorage } = await import('../../central/storage/openCentralStorage.js');
    const { createAdminAccount } = await import('../../central/services/adminAccounts.js');
    const { ensureSite } = await import('../../central/services/siteIdentity.js');
    const { createArgon2PinHasher, loadOrCreatePepper } = await import('../../pinHashing/index.js');
    const storage = await openCentralStorage(db);
    try {
      // Binds a fresh database to this pepper now, so `central` started with another one refuses.
      await ensureSite(storage, await loadOrCreatePepper(pepperFile), Date.now());
      const hasher = await createArgon2PinHasher({ pepperFile });
      const created = await createAdminAccount(storage, { username, password }, hasher, Date.now(), randomUUID);
      if (!created.ok) {
        ctx.stderr.write(`${created.message}\n`);
        return 1;
      }
      ctx.stdout.write(`Administrator ${username} created.\n`);
      return 0;
    } finally {
      await storage.close();
    }
  },
};
