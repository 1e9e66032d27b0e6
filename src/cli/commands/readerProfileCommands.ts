import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { auditEvent, type AuditDetails } from '../../core/index.js';
import { exportReaderProfile, parseReaderProfileText } from '../../host/technician/readerProfileFile.js';
import { checkReaderEntry } from '../../host/technician/readerEntryCheck.js';
import { kioskPaths, openKioskStore, type KioskStore } from '../../store/index.js';
import { cryptoRandomSource, systemClock } from '../../platform/index.js';
import { SqliteReaderProfiles } from '../../store/sqliteReaderProfiles.js';
import { UsageError, type CliCommand, type CliContext } from '../cliCommand.js';
import { parseOptions } from '../parseOptions.js';

function withStore<T>(ctx: CliContext, fn: (store: KioskStore, profiles: SqliteReaderProfiles) => T): T {
  const store = openKioskStore({ file: kioskPaths(ctx.dataDir).db });
  try {
    return fn(store, new SqliteReaderProfiles(store, systemClock, cryptoRandomSource));
  } finally {
    store.close();
  }
}

export const readerProfileExportCommand: CliCommand = {
  path: ['readers', 'profile', 'export'],
  summary: "Write this kiosk's saved reader profile as a JSON file",
  usage: 'badgekiosk readers profile export [--out FILE] [--force]\n  Without --out the JSON goes to standard output. An existing FILE is kept unless --force.',
  async run(ctx, argv) {
    const { values } = parseOptions(argv, { out: { type: 'string' }, force: { type: 'boolean' } });
    if (values.out !== undefined && values.out === '') throw new UsageError('--out needs a file name.');
    const file = withStore(ctx, (_store, profiles) => {
      const saved = profiles.load();
      return saved ? exportReaderProfile(saved.profile, null, Date.now()) : undefined;
    });
    if (!file) {
      ctx.stderr.write('This kiosk has no saved reader profile yet: set readers up in technician mode, or import a profile.\n');
      return 1;
    }
    if (values.out === undefined) {
      ctx.stdout.write(file.json);
      return 0;
    }
    if (existsSync(values.out) && !values.force) {
      ctx.stderr.write(`${values.out} exists already; give --force to replace it.\n`);
      return 1;
    }
    writeFileSync(values.out, file.json, { mode: 0o644 });
    ctx.stdout.write(`Reader profile written to ${values.out}.\n`);
    return 0;
  },
};

export const readerProfileImportCommand: CliCommand = {
  path: ['readers', 'profile', 'import'],
  summary: "Check a reader profile JSON file and save it as this kiosk's reader profile",
  usage:
    'badgekiosk readers profile import FILE [--dry-run]\n' +
    '  FILE is a reader profile as technician mode or `readers profile export` writes it ("-": standard input).\n' +
    '  Every reader is checked (preset, port or VID:PID, serial parameters, pipeline) before anything is saved;\n' +
    '  --dry-run only checks. A running kiosk uses the imported readers from its next start.',
  async run(ctx, argv) {
    const { values, positionals } = parseOptions(argv, { 'dry-run': { type: 'boolean' } }, true);
    if (positionals.length !== 1) throw new UsageError('Give exactly one reader profile file.');
    const source = positionals[0]!;
    let text: string;
    try {
      text = source === '-' ? readFileSync(0, 'utf8') : readFileSync(source, 'utf8');
    } catch (error) {
      ctx.stderr.write(`Cannot read ${source}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    const parsed = parseReaderProfileText(text, checkReaderEntry);
    if (!parsed.ok) {
      ctx.stderr.write(`${parsed.error}\nNothing was saved.\n`);
      return 1;
    }
    const count = parsed.value.readers.length;
    const readers = count === 1 ? '1 reader' : `${count} readers`;
    if (values['dry-run']) {
      ctx.stdout.write(`${source} is a valid reader profile with ${readers}; nothing was saved (--dry-run).\n`);
      return 0;
    }
    const central = withStore(ctx, (_store, profiles) => {
      const details: AuditDetails = { what: 'reader-profile', via: 'cli-import', readers: count, actor: 'cli' };
      const event = auditEvent({ id: cryptoRandomSource.uuid(), at: systemClock.now(), kind: 'technician.change', outcome: 'success', kioskId: null, details });
      return profiles.save(parsed.value, event, 'cli').central;
    });
    const sent = central === 'queued' ? 'it is queued for the central store' : 'this kiosk is standalone, so nothing is sent to a central store';
    ctx.stdout.write(`Imported ${readers} from ${source}; ${sent}. A running kiosk uses them from its next start.\n`);
    return 0;
  },
};
