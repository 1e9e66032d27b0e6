import type { EmbeddedAdministration } from '../central/embeddedAdministration.js';
import { kioskPaths } from '../store/index.js';
import { readEnrollment, type Enrollment } from '../sync/index.js';
import type { CliContext } from './cliCommand.js';
import { CLI_ACTOR, withCliKiosk, type CliKiosk } from './cliKiosk.js';
import { embeddedReadSource, kioskReadSource, type ReadSource } from './readSource.js';

/** Where a command changing users or configuration writes: the kiosk's own store, or the central store `start` embeds. */
export type ChangeAuthority = (
  | { readonly kind: 'local'; readonly kiosk: CliKiosk }
  | { readonly kind: 'embedded'; readonly kiosk: CliKiosk; readonly central: EmbeddedAdministration }
) & {
  /** The same store, read: changes are checked against it (PIN policy, taken usernames). */
  readonly read: ReadSource;
};

/**
 * Runs a command that changes users: on the kiosk's own store when it was never enrolled (its own
 * authority, DESIGN §5); on the central store `badgekiosk start` runs in this data directory when
 * the kiosk is enrolled with that one. Enrolled with another central store, it is refused (exit 1):
 * a change to the replica alone would never reach the central store, and a pull could undo it.
 */
export function withChangeAuthority(ctx: CliContext, fn: (authority: ChangeAuthority) => Promise<number>, subject: 'users' | 'configuration' = 'users'): Promise<number> {
  return withCliKiosk(ctx.dataDir, async (kiosk) => {
    const enrollment = readEnrollment(kiosk.store);
    if (!enrollment) return fn({ kind: 'local', kiosk, read: kioskReadSource(kiosk) });
    // Loaded on use: the central store's code (Kysely, pg) stays out of every other command's start.
    const { openEmbeddedAdministration } = await import('../central/embeddedAdministration.js');
    const central = await openEmbeddedAdministration(kioskPaths(ctx.dataDir).embeddedCentralDb, enrollment.siteId, CLI_ACTOR.username ?? 'cli');
    if (!central) return refuse(ctx, enrollment, subject);
    try {
      const code = await fn({ kind: 'embedded', kiosk, central, read: embeddedReadSource(central.read) });
      if (code === 0) {
        const what = subject === 'users' ? 'Users of this kiosk live' : 'The configuration of this kiosk lives';
        ctx.stdout.write(
          `${what} in the central store \`badgekiosk start\` runs in this data directory (the CLI reads them there too): ` +
            'a running kiosk has a change within a second, a stopped one at its next start.\n',
        );
      }
      return code;
    } finally {
      await central.close();
    }
  });
}

/**
 * For commands that act as the user would at a kiosk (PIN, Card/ID): only where the kiosk's own
 * store is the authority. An enrolled kiosk sends such changes to the central store from its
 * screen (outbox, Card/ID answers); the CLI has neither, so the change would stay in the copy.
 */
export function withStandaloneKiosk(ctx: CliContext, fn: (kiosk: CliKiosk) => Promise<number>): Promise<number> {
  return withCliKiosk(ctx.dataDir, async (kiosk) => {
    const enrollment = readEnrollment(kiosk.store);
    if (!enrollment) return fn(kiosk);
    ctx.stderr.write(
      `PINs and Card/ID numbers are kept by the central store at ${enrollment.centralUrl} (this kiosk is enrolled with it ` +
        `as "${enrollment.kioskName}"): change them at the kiosk's screen, where the change reaches the central store; ` +
        'an administrator can clear a PIN in the central store. Nothing was changed.\n',
    );
    return 1;
  });
}

function refuse(ctx: CliContext, enrollment: Enrollment, subject: 'users' | 'configuration'): number {
  const what = subject === 'users' ? 'Users are' : 'Configuration is';
  ctx.stderr.write(
    `${what} managed in the central store at ${enrollment.centralUrl}: this kiosk is enrolled with it ` +
      `(as "${enrollment.kioskName}") and keeps a copy of its ${subject}. Nothing was changed.\n`,
  );
  return 1;
}
