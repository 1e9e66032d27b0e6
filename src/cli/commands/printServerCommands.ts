import { readFile } from 'node:fs/promises';
import { parseReleasePrinter, printServerNameProblem, printServerUrlProblem, queueNameProblem } from '../../core/index.js';
import { UsageError, type CliCommand } from '../cliCommand.js';
import { parseOptions, requireOption } from '../parseOptions.js';
import { withPrintSetupAuthority } from '../printSetupAuthority.js';
import { releasePrinterVerdict } from '../releasePrinterCheck.js';

function check(problem: string | null): void {
  if (problem !== null) throw new UsageError(problem);
}

/** The password comes from a file (never the command line, which other users can see); one line, its newline dropped. */
async function readPasswordFile(file: string): Promise<string> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`Cannot read --password-file ${file}: ${error.code ?? error.message}.`);
  });
  const password = text.replace(/\r?\n$/, '');
  if (password === '' || password.includes('\n')) throw new UsageError(`--password-file ${file} must hold the password on one line.`);
  return password;
}

export const printServerAddCommand: CliCommand = {
  path: ['print', 'server', 'add'],
  summary: 'Add a CUPS print server (IPP URL, follow-me queues, optional credentials kept in a 0600 secret file)',
  usage: 'badgekiosk print server add NAME --url ipp://HOST[:PORT] [--follow-me Q1,Q2] [--username U --password-file F]',
  async run(ctx, argv) {
    const { values, positionals } = parseOptions(
      argv,
      { url: { type: 'string' }, 'follow-me': { type: 'string' }, username: { type: 'string' }, 'password-file': { type: 'string' } },
      true,
    );
    if (positionals.length !== 1) throw new UsageError('Give exactly one print server NAME.');
    const name = positionals[0]!;
    check(printServerNameProblem(name));
    const url = requireOption(values.url, '--url');
    check(printServerUrlProblem(url));
    const followMeQueues = [...new Set((values['follow-me'] ?? '').split(',').map((q) => q.trim()).filter((q) => q !== ''))];
    for (const queue of followMeQueues) check(queueNameProblem(queue));
    if ((values.username === undefined) !== (values['password-file'] === undefined)) throw new UsageError('--username and --password-file go together.');
    const credentials = values.username !== undefined ? { username: values.username, password: await readPasswordFile(values['password-file']!) } : undefined;
    return withPrintSetupAuthority(ctx, async (authority) => {
      const added = await authority.addServer({ name, url, followMeQueues, ...(credentials ? { credentials } : {}) });
      if (!added.ok) {
        ctx.stderr.write(`${added.error}\n`);
        return 1;
      }
      const kept = authority.where === 'local' ? 'credentials kept in the secrets folder' : 'credentials sealed in the central store';
      ctx.stdout.write(`Print server ${name} added (${url}; follow-me queues: ${followMeQueues.join(', ') || 'none'}${credentials ? `; ${kept}` : ''}).\n`);
      if (!(await authority.releasePrinter(authority.kioskId))) ctx.stdout.write(`Next: badgekiosk kiosk printer set ${name}/QUEUE\n`);
      return 0;
    });
  },
};

export const printServerListCommand: CliCommand = {
  path: ['print', 'server', 'list'],
  summary: 'List the print servers and this kiosk\'s release printer (never a password)',
  usage: 'badgekiosk print server list [--json]',
  async run(ctx, argv) {
    const { values } = parseOptions(argv, { json: { type: 'boolean' } });
    return withPrintSetupAuthority(ctx, async (authority) => {
      const servers = await authority.servers();
      const releasePrinter = (await authority.releasePrinter(authority.kioskId)) ?? null;
      if (values.json) {
        ctx.stdout.write(`${JSON.stringify({ servers, releasePrinter })}\n`);
        return 0;
      }
      if (servers.length === 0) ctx.stdout.write('No print server is configured. Add one with: badgekiosk print server add NAME --url ipp://HOST[:PORT] --follow-me QUEUE\n');
      for (const server of servers) {
        ctx.stdout.write(`${server.name}\t${server.url}\tfollow-me: ${server.followMeQueues.join(',') || '-'}\t${server.hasCredentials ? 'credentials: yes' : 'credentials: no'}\n`);
      }
      ctx.stdout.write(releasePrinter ? `Release printer: ${releasePrinter.server}/${releasePrinter.queue}\n` : 'Release printer: none (badgekiosk kiosk printer set SERVER/QUEUE)\n');
      return 0;
    });
  },
};

export const printServerRemoveCommand: CliCommand = {
  path: ['print', 'server', 'remove'],
  summary: 'Remove a print server and its credentials (refused while it holds the release printer)',
  usage: 'badgekiosk print server remove NAME',
  async run(ctx, argv) {
    const { positionals } = parseOptions(argv, {}, true);
    if (positionals.length !== 1) throw new UsageError('Give exactly one print server NAME.');
    const name = positionals[0]!;
    return withPrintSetupAuthority(ctx, async (authority) => {
      const removed = await authority.removeServer(name);
      if (!removed.ok) {
        ctx.stderr.write(`${removed.error}\n`);
        return 1;
      }
      ctx.stdout.write(`Print server ${name} removed.\n`);
      return 0;
    });
  },
};

export const kioskPrinterSetCommand: CliCommand = {
  path: ['kiosk', 'printer', 'set'],
  summary: 'Set the release printer beside this kiosk: a queue on one of the print servers',
  usage: 'badgekiosk kiosk printer set SERVER/QUEUE [--kiosk KIOSK_ID] [--no-check]',
  async run(ctx, argv) {
    const { values, positionals } = parseOptions(argv, { kiosk: { type: 'string' }, 'no-check': { type: 'boolean' } }, true);
    if (positionals.length !== 1) throw new UsageError('Give exactly one SERVER/QUEUE.');
    const printer = parseReleasePrinter(positionals[0]!);
    if (typeof printer === 'string') throw new UsageError(printer);
    return withPrintSetupAuthority(ctx, async (authority) => {
      if (values.kiosk !== undefined && authority.where === 'local') {
        ctx.stderr.write('--kiosk names another kiosk of a central store; a standalone kiosk has only its own release printer. Nothing was changed.\n');
        return 1;
      }
      const verdict = await releasePrinterVerdict(authority, printer, values['no-check'] === true);
      if (!verdict.allowed) {
        ctx.stderr.write(`${verdict.message}\n`);
        return 1;
      }
      const set = await authority.setReleasePrinter(values.kiosk ?? authority.kioskId, printer);
      if (!set.ok) {
        ctx.stderr.write(`${set.error}\n`);
        return 1;
      }
      if (verdict.warning !== null) ctx.stderr.write(`${verdict.warning}\n`);
      ctx.stdout.write(`Release printer of ${values.kiosk ? `kiosk ${values.kiosk}` : 'this kiosk'}: ${printer.server}/${printer.queue}.\n`);
      return 0;
    });
  },
};

export const printServerCommands: readonly CliCommand[] = [printServerAddCommand, printServerListCommand, printServerRemoveCommand, kioskPrinterSetCommand];
