import { auditEvent, validatePinPolicy } from '../../core/index.js';
import { createArgon2PinHasher, cryptoRandomSource, kioskPaths, openKioskStore, systemClock } from '../../store/index.js';
import { SqliteTechnicianLock } from '../../store/sqliteTechnicianLock.js';
import { UsageError, type CliCommand, type CliContext } from '../cliCommand.js';
import { parseOptions } from '../parseOptions.js';

async function readPinFromStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.length > 1000) break;
  }
  return text.split(/\r?\n/)[0];
}

/** Sets or clears technician.pin-hash, audits it, and starts the wrong-PIN count afresh. */
function storeTechnicianPin(ctx: CliContext, hash: string, what: 'technician-pin-set' | 'technician-pin-cleared'): string | null {
  const store = openKioskStore({ file: kioskPaths(ctx.dataDir).db });
  try {
    const set = store.setConfig('technician.pin-hash', hash, { username: 'cli' });
    if (!set.ok) return set.error;
    const event = auditEvent({
      id: cryptoRandomSource.uuid(), at: systemClock.now(), kind: 'technician.change', outcome: 'success', kioskId: null,
      details: { what, actor: 'cli' },
    });
    new SqliteTechnicianLock(store).write({ failedAttempts: 0, lockedUntil: null }, event);
    return null;
  } finally {
    store.close();
  }
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
    const store = openKioskStore({ file: kioskPaths(ctx.dataDir).db });
    let policy;
    try {
      const config = store.configValues();
      policy = validatePinPolicy(pin, { minLength: config['pin.min-length'], maxLength: config['pin.max-length'] });
    } finally {
      store.close();
    }
    if (!policy.ok) {
      ctx.stderr.write(`The technician PIN is not allowed: ${policy.error.message}\n`);
      return 1;
    }
    const hasher = await createArgon2PinHasher({ pepperFile: kioskPaths(ctx.dataDir).pepper });
    const problem = storeTechnicianPin(ctx, await hasher.hash(pin), 'technician-pin-set');
    if (problem) {
      ctx.stderr.write(`${problem}\n`);
      return 1;
    }
    ctx.stdout.write('Technician PIN set. Hold the top-left corner of the idle screen to open technician mode.\n');
    return 0;
  },
};

export const technicianPinClearCommand: CliCommand = {
  path: ['technician', 'pin', 'clear'],
  summary: 'Remove the technician PIN of this kiosk (technician mode can no longer be opened)',
  usage: 'badgekiosk technician pin clear',
  async run(ctx, argv) {
    parseOptions(argv, {});
    const problem = storeTechnicianPin(ctx, '', 'technician-pin-cleared');
    if (problem) {
      ctx.stderr.write(`${problem}\n`);
      return 1;
    }
    ctx.stdout.write('Technician PIN removed: technician mode cannot be opened until a new one is set.\n');
    return 0;
  },
};
