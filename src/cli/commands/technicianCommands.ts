import { auditEvent } from '../../core/index.js';
import { cryptoRandomSource, systemClock } from '../../platform/index.js';
import { SqliteTechnicianLock } from '../../store/sqliteTechnicianLock.js';
import { UsageError, type CliCommand, type CliContext } from '../cliCommand.js';
import { parseOptions } from '../parseOptions.js';
import { withChangeAuthority, type ChangeAuthority } from '../changeAuthority.js';
import type { TechnicianPinChange } from '../../central/services/centralConfig.js';

async function readPinFromStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.length > 1000) break;
  }
  return text.split(/\r?\n/)[0];
}

/**
 * Sets or clears technician.pin-hash where this kiosk's configuration is kept (its own store, or
 * the central store `start` embeds), audits it, and starts this kiosk's wrong-PIN count afresh.
 */
function storeTechnicianPin(ctx: CliContext, hash: (authority: ChangeAuthority) => Promise<{ hash: string } | { refused: string }>, what: TechnicianPinChange, done: string): Promise<number> {
  return withChangeAuthority(ctx, async (authority) => {
    const { store } = authority.kiosk;
    const hashed = await hash(authority);
    if ('refused' in hashed) {
      ctx.stderr.write(`${hashed.refused}\n`);
      return 1;
    }
    const set = authority.kind === 'local'
      ? store.setConfig('technician.pin-hash', hashed.hash, { username: 'cli' })
      : await authority.central.setTechnicianPinHash(hashed.hash, what);
    if (!set.ok) {
      ctx.stderr.write(`${set.error}\n`);
      return 1;
    }
    const event = auditEvent({
      id: cryptoRandomSource.uuid(), at: systemClock.now(), kind: 'technician.change', outcome: 'success', kioskId: null,
      details: { what, actor: 'cli' },
    });
    new SqliteTechnicianLock(store).write({ failedAttempts: 0, lockedUntil: null }, event);
    ctx.stdout.write(`${done}\n`);
    return 0;
  }, 'configuration');
}

export const technicianPinSetCommand: CliCommand = {
  path: ['technician', 'pin', 'set'],
  summary: 'Set the technician PIN of this kiosk (read from standard input, stored as an argon2id hash)',
  usage:
    'badgekiosk technician pin set < pin-file\n' +
    '  The PIN is the first line of standard input (never an argument: arguments show in process lists),\n' +
    '  e.g. `read -rs PIN && printf "%s\\n" "$PIN" | badgekiosk technician pin set`. It follows the user PIN\n' +
    '  policy (digits, pin.min-length to pin.max-length, no runs or repeats). A central store can set\n' +
    '  technician.pin-hash for every kiosk instead.',
  async run(ctx, argv) {
    parseOptions(argv, {});
    const pin = await readPinFromStdin();
    if (pin === undefined) throw new UsageError('Pipe the technician PIN on standard input.');
    return storeTechnicianPin(
      ctx,
      async ({ kiosk, read }) => {
        // The policy where the hash is kept: the embedded central store's, when it keeps it.
        const refused = (await read.pinPolicy())(pin);
        return refused ? { refused: `The technician PIN is not allowed: ${refused}` } : { hash: await (await kiosk.hasher()).hash(pin) };
      },
      'technician-pin-set',
      'Technician PIN set. Hold the top-left corner of the idle screen to open technician mode.',
    );
  },
};

export const technicianPinClearCommand: CliCommand = {
  path: ['technician', 'pin', 'clear'],
  summary: 'Remove the technician PIN of this kiosk (technician mode can no longer be opened)',
  usage: 'badgekiosk technician pin clear',
  async run(ctx, argv) {
    parseOptions(argv, {});
    return storeTechnicianPin(ctx, async () => ({ hash: '' }), 'technician-pin-cleared', 'Technician PIN removed: technician mode cannot be opened until a new one is set.');
  },
};
