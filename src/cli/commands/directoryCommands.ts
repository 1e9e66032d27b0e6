import type { DirectorySyncPlan } from '../../core/index.js';
import { cryptoRandomSource, systemClock } from '../../platform/index.js';
import type { CliCommand } from '../cliCommand.js';
import { parseOptions, requireOption } from '../parseOptions.js';
import { readSecret } from '../secretInput.js';
import { defaults } from './centralCommands.js';

const DB_USAGE = '[--db sqlite:PATH|postgres://…] [--directory-bind-password-file FILE]';

/** The central store's database and directory, as `badgekiosk central` would open them. */
async function openDirectoryContext(dataDir: string, values: { db?: string | undefined; 'directory-bind-password-file'?: string | undefined }) {
  const { openCentralStorage } = await import('../../central/storage/openCentralStorage.js');
  const { ldapDirectoryFactory, readBindPasswordFile } = await import('../../directory/directoryFactory.js');
  const file = values['directory-bind-password-file'];
  const bindPassword = file === undefined ? null : await readBindPasswordFile(file);
  const storage = await openCentralStorage(values.db ?? defaults(dataDir).db);
  return {
    storage,
    clock: systemClock,
    random: cryptoRandomSource,
    directoryFor: ldapDirectoryFactory(bindPassword),
  };
}

function describePlan(plan: DirectorySyncPlan): string[] {
  return [
    ...plan.create.map((c) => `new       ${c.person.username} (${c.person.displayName})${c.primaryCard ? ` card ${c.primaryCard}` : ''}`),
    ...plan.update.map((c) => `changed   ${c.username}: name ${JSON.stringify(c.displayName)}, email ${JSON.stringify(c.email)}`),
    ...plan.setCard.map((c) => `card      ${c.username} → ${c.cardNumber}`),
    ...plan.keepSelfService.map((c) => `kept      ${c.username}: changed their Card/ID number since the last sync`),
    ...plan.cardConflicts.map((c) => `conflict  ${c.username}: Card/ID number ${c.cardNumber} ${c.reason}; not assigned`),
    ...plan.usernameConflicts.map((c) => `conflict  ${c.username}: username already exists as ${c.clashesWith} (usernames ignore case); not synced`),
    ...plan.beingImported.map((c) => `importing ${c.username}: a user import still running holds this username; not synced until it is published`),
    ...plan.disable.map((c) => `disable   ${c.username}: no longer in the directory`),
    ...plan.enable.map((c) => `enable    ${c.username}: back in the directory`),
  ];
}

export const directorySyncCommand: CliCommand = {
  path: ['central', 'directory', 'sync'],
  summary: 'Sync users from the directory (LDAP) into the central store',
  usage: `badgekiosk central directory sync [--dry-run] ${DB_USAGE}\n  --dry-run shows the difference and changes nothing. Users no longer in the directory are disabled, not deleted.`,
  async run(ctx, argv) {
    const { values } = parseOptions(argv, { 'dry-run': { type: 'boolean' }, db: { type: 'string' }, 'directory-bind-password-file': { type: 'string' } });
    const central = await openDirectoryContext(ctx.dataDir, values);
    try {
      const { syncDirectory } = await import('../../central/services/directorySync.js');
      const dryRun = values['dry-run'] === true;
      const result = await syncDirectory(central, { dryRun, actor: 'cli', onProgress: (n) => ctx.stderr.write(`read ${n} directory entries\n`) });
      if (!result.ok) {
        ctx.stderr.write(`${result.error.message}\n`);
        return 1;
      }
      const { plan, counts, peopleRead } = result.value;
      for (const line of describePlan(plan)) ctx.stdout.write(`${line}\n`);
      const summary = Object.entries(counts).map(([name, n]) => `${name} ${n}`).join(', ');
      ctx.stdout.write(`${dryRun ? 'Dry run, nothing changed' : 'Applied'}: ${peopleRead} directory entries; ${summary}.\n`);
      return 0;
    } finally {
      await central.storage.close();
    }
  },
};

export const directoryTestCommand: CliCommand = {
  path: ['central', 'directory', 'test'],
  summary: 'Check the directory settings: find a user and bind with their password',
  usage: `badgekiosk central directory test --username U ${DB_USAGE}\n  Asks for the user's password (or reads the first line of standard input).`,
  async run(ctx, argv) {
    const { values } = parseOptions(argv, { username: { type: 'string' }, db: { type: 'string' }, 'directory-bind-password-file': { type: 'string' } });
    const username = requireOption(values.username, '--username');
    const central = await openDirectoryContext(ctx.dataDir, values);
    try {
      const { readConfig } = await import('../../central/services/centralConfig.js');
      const directory = central.directoryFor(await readConfig(central.storage.db));
      if (!directory) {
        ctx.stderr.write('No directory is configured (directory.ldap.url is empty).\n');
        return 1;
      }
      const found = await directory.lookup(username);
      if (!found.ok) {
        ctx.stdout.write(found.error.code === 'not-found' ? `not found: no directory entry matches ${username}\n` : `${found.error.message}\n`);
        return 1;
      }
      const person = found.value.person;
      ctx.stdout.write(`found: ${person.dn}\nattributes read: ${found.value.attributesRead.join(', ')}\n`);
      ctx.stdout.write(`name ${JSON.stringify(person.displayName)}, email ${JSON.stringify(person.email)}, card ${person.cardNumber === null ? 'none' : JSON.stringify(person.cardNumber)}\n`);
      const password = await readSecret(`Password for ${username}: `, ctx.stderr);
      const bound = await directory.authenticate(username, password);
      ctx.stdout.write(bound.ok ? 'bind ok\n' : `bind refused: ${bound.error.message}\n`);
      return bound.ok ? 0 : 1;
    } finally {
      await central.storage.close();
    }
  },
};
