import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { auditEvent } from '../../core/index.js';
import { UsageError, type CliCommand } from '../cliCommand.js';
import { CLI_ACTOR, type CliKiosk } from '../cliKiosk.js';
import { userDetails, userJson, userListHeader, userListLine } from '../output/userOutput.js';
import { parseOptions, requireOption } from '../parseOptions.js';
import { resolvePins } from '../pinInput.js';
import { withChangeAuthority, type ChangeAuthority } from '../changeAuthority.js';
import { withReadSource } from '../readSource.js';
import type { ExistingUsers } from '../../userImport/importPlan.js';
import { printNoUser, usernameArgument } from '../users/usernameArgument.js';
import { createUsers, type CommitUsers, type CreateUsersDeps, type CreateUsersOutcome } from '../users/createUsers.js';
import { readUserCsv, USER_CSV_HEADER, UserCsvFormatError, type UserCsvItem } from '../../userImport/userCsvReader.js';

/**
 * Checked against the store the users go to, with its PIN policy; `existing` is the kiosk's copy
 * for `users import` (one lookup per row stays fast; the embedded central store re-checks every
 * row in its transaction, with the same words).
 */
async function depsOf(authority: ChangeAuthority, commit: CommitUsers, existing: ExistingUsers = authority.read.existingUsers): Promise<CreateUsersDeps> {
  const { kiosk } = authority;
  return {
    users: existing,
    hasher: () => kiosk.hasher(),
    pinPolicy: await authority.read.pinPolicy(),
    hashConcurrency: kiosk.hashConcurrency,
    commit,
  };
}

/** One user, audited as `user.add`; a username or Card/ID number taken since the check makes SQLite refuse. */
function commitOne(kiosk: CliKiosk): CommitUsers {
  return (users) => {
    try {
      kiosk.store.uow.transaction((repos) => {
        for (const newUser of users) {
          const user = repos.users.insert(newUser);
          repos.audit.append(
            auditEvent({
              id: kiosk.random.uuid(),
              at: kiosk.clock.now(),
              kind: 'user.add',
              outcome: 'success',
              user,
              kioskId: null,
              details: { withPin: newUser.pinHash !== null, by: CLI_ACTOR.username ?? 'cli' },
            }),
          );
        }
      });
      return { ok: true };
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_UNIQUE' && (error as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw error;
      return { ok: false, problems: [{ index: 0, reason: 'the username or a Card/ID number was taken by another change meanwhile; try again' }] };
    }
  };
}

export const usersAddCommand: CliCommand = {
  path: ['users', 'add'],
  summary: 'Add one user',
  usage: 'badgekiosk users add --username U [--name N] [--email E] [--primary-card C] [--secondary-card C] [--pin P]',
  async run(ctx, argv) {
    const { values } = parseOptions(argv, {
      username: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      'primary-card': { type: 'string' },
      'secondary-card': { type: 'string' },
      pin: { type: 'string' },
    });
    const username = requireOption(values.username, '--username');
    // Kiosks sign people in by Card/ID number only (no directory sign-in exists yet): without one,
    // the user could never sign in, nor set a PIN, nor be reached by a card swipe.
    if (!values['primary-card']?.trim() && !values['secondary-card']?.trim()) {
      ctx.stderr.write(
        `User not added: ${username.trim()} could never sign in without a Card/ID number; give --primary-card or --secondary-card ` +
          '(no directory is configured through which the user could sign in and link a card).\n',
      );
      return 1;
    }
    const item: UserCsvItem = {
      kind: 'record',
      record: {
        line: 1,
        username,
        name: values.name ?? '',
        email: values.email ?? '',
        primaryCard: values['primary-card'] ?? '',
        secondaryCard: values['secondary-card'] ?? '',
        pin: values.pin === undefined ? '' : (await resolvePins(ctx, [{ value: values.pin, prompt: 'PIN' }]))[0]!,
      },
    };
    return withChangeAuthority(ctx, async (authority) => {
      // users add plans exactly one user.
      const commit: CommitUsers = authority.kind === 'local' ? commitOne(authority.kiosk) : ([user]) => authority.central.addUser(user!);
      const outcome = await createUsers(oneItem(item), await depsOf(authority, commit));
      if (!outcome.ok) {
        for (const problem of outcome.problems) ctx.stderr.write(`User not added: ${problem.reason}\n`);
        return 1;
      }
      ctx.stdout.write(`Added user ${username.trim()}${outcome.withPin ? ' with a PIN' : ' (no PIN yet: set at first login after a card swipe)'}.\n`);
      return 0;
    });
  },
};

async function* oneItem(item: UserCsvItem): AsyncGenerator<UserCsvItem> {
  yield item;
}

export const usersImportCommand: CliCommand = {
  path: ['users', 'import'],
  summary: 'Import users from a CSV file, or - for standard input (all rows or none)',
  usage: `badgekiosk users import (FILE.csv | -)   (header: ${USER_CSV_HEADER}; the pin column is optional)`,
  async run(ctx, argv) {
    const { positionals } = parseOptions(argv, {}, true);
    if (positionals.length !== 1 || positionals[0] === '') throw new UsageError('Give exactly one CSV file, or - for standard input.');
    const file = positionals[0]!;
    const fromStdin = file === '-';
    const source = fromStdin ? 'standard input' : file;
    if (!fromStdin && !(await stat(file).catch(() => undefined))?.isFile()) {
      ctx.stderr.write(`Cannot read ${file}: no such file.\n`);
      return 1;
    }
    return withChangeAuthority(ctx, async (authority) => {
      const { kiosk } = authority;
      const commit: CommitUsers = (users) => {
        if (authority.kind === 'embedded') return authority.central.importUsers(users);
        const result = kiosk.store.importUsers(users, CLI_ACTOR);
        return result.ok ? { ok: true } : { ok: false, problems: result.error };
      };
      if (fromStdin && process.stdin.isTTY) ctx.stderr.write('Reading CSV from the terminal; end with Ctrl-D.\n');
      const deps = await depsOf(authority, commit, kiosk.store.uow.repos.users);
      let outcome: CreateUsersOutcome;
      try {
        outcome = await createUsers(readUserCsv(fromStdin ? process.stdin : createReadStream(file)), deps);
      } catch (error) {
        if (!(error instanceof UserCsvFormatError)) throw error;
        ctx.stderr.write(`${source}: ${error.message}\nNothing was imported.\n`);
        return 1;
      }
      if (!outcome.ok) {
        for (const problem of outcome.problems) ctx.stderr.write(`${source}: line ${problem.line}: ${problem.reason}\n`);
        const hidden = outcome.problemCount - outcome.problems.length;
        if (hidden > 0) ctx.stderr.write(`… and ${hidden} more bad rows.\n`);
        ctx.stderr.write(`Nothing was imported: ${outcome.problemCount} bad row${outcome.problemCount === 1 ? '' : 's'}.\n`);
        return 1;
      }
      ctx.stdout.write(`Imported ${outcome.created} users (${outcome.withPin} with a PIN).\n`);
      return 0;
    });
  },
};

// Offset paging re-walks the index per page, so pages are large; one page of users is a few MB.
const PAGE = 5000;

export const usersListCommand: CliCommand = {
  path: ['users', 'list'],
  summary: 'List users (--json: an array of user objects)',
  usage: 'badgekiosk users list [--json] [--search TEXT]',
  async run(ctx, argv) {
    const { values } = parseOptions(argv, { json: { type: 'boolean' }, search: { type: 'string' } });
    return withReadSource(ctx, async (source, kiosk) => {
      const now = kiosk.clock.now();
      const search = values.search;
      // Paged so a store of a million users streams out instead of being held whole.
      let first = true;
      if (values.json) ctx.stdout.write('[');
      else ctx.stdout.write(userListHeader() + '\n');
      for (let offset = 0; ; offset += PAGE) {
        const page = await source.listUsers({ ...(search === undefined ? {} : { search }), limit: PAGE, offset });
        for (const pub of page) {
          if (values.json) {
            ctx.stdout.write((first ? '\n' : ',\n') + userJson(pub));
            first = false;
          } else ctx.stdout.write(userListLine(pub, now) + '\n');
        }
        if (page.length < PAGE) break;
      }
      if (values.json) ctx.stdout.write(first ? ']\n' : '\n]\n');
      return 0;
    });
  },
};

export const usersShowCommand: CliCommand = {
  path: ['users', 'show'],
  summary: 'Show one user',
  usage: 'badgekiosk users show USERNAME [--json]',
  async run(ctx, argv) {
    const { values, positionals } = parseOptions(argv, { json: { type: 'boolean' } }, true);
    const username = usernameArgument(positionals);
    return withReadSource(ctx, async (source, kiosk) => {
      const pub = await source.findUser(username);
      if (!pub) return printNoUser(ctx, username);
      ctx.stdout.write(values.json ? userJson(pub) + '\n' : userDetails(pub, kiosk.clock.now()));
      return 0;
    });
  },
};

export const usersCommands: readonly CliCommand[] = [usersAddCommand, usersImportCommand, usersListCommand, usersShowCommand];
