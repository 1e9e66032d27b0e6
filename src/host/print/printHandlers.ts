import type { Logger } from 'pino';
import { contractError, type ContractResult, type PrintActionOutput, type PrintJobsOutput, type PrintSetupStatus } from '../../contract/index.js';
import type { ConfigSource, JobSelection, KioskPrint, PrintRefusal, PrintUser } from '../../core/index.js';
import type { MethodHandlers } from '../methodDispatch.js';

type PrintHandlers = Pick<MethodHandlers, 'printJobs' | 'printRelease' | 'printDelete' | 'printSetupStatus'>;

/** Print release as the runtime gives it to the host: the port, and where this kiosk's set-up lives. */
export type HostPrint = KioskPrint & { setupStatus?(): PrintSetupStatus };

export interface PrintHandlerDeps {
  /** Absent on a kiosk that has no print release at all (library users, tests): answers not-configured. */
  readonly print?: HostPrint;
  readonly config: ConfigSource;
  readonly logger: Logger;
  /** The signed-in user, or undefined (then every call answers no-session). */
  signedInUser(): (PrintUser & { readonly signIn: number }) | undefined;
  /** A print call is activity: it restarts the idle timer. */
  touch(): void;
}

const NOT_CONFIGURED_COMMAND = 'badgekiosk print server add NAME --url ipp://HOST[:PORT] --follow-me QUEUE';

/**
 * The print calls of the contract. Refusals of printing as a whole (server or central store down,
 * nothing set up) come back as a status inside the answer, so the renderer shows one line and the
 * rest of the kiosk keeps working; the reason goes to the technician log only.
 */
export function printHandlers(deps: PrintHandlerDeps): PrintHandlers {
  const unusable = (refusal: PrintRefusal): { status: 'unavailable' } | { status: 'not-configured'; command: string } => {
    if (refusal.code === 'print-not-configured') return { status: 'not-configured', command: refusal.command };
    deps.logger.warn({ reason: refusal.reason }, 'printing is unavailable');
    return { status: 'unavailable' };
  };
  const asUser = async <T>(fn: (user: PrintUser, print: KioskPrint) => Promise<T>): Promise<ContractResult<T | { status: 'not-configured'; command: string }>> => {
    const user = deps.signedInUser();
    if (!user) return { ok: false, error: contractError('no-session', 'Nobody is signed in.') };
    deps.touch();
    if (!deps.print) return { ok: true, value: { status: 'not-configured', command: NOT_CONFIGURED_COMMAND } };
    return { ok: true, value: await fn(user, deps.print) };
  };
  const action = (kind: 'release' | 'delete') => ({ selection }: { selection: JobSelection }) =>
    asUser<PrintActionOutput>(async (user, print) => {
      const result = await print[kind](user, 'all' in selection ? { all: true } : { jobIds: selection.jobIds });
      if (!result.ok) return unusable(result.error);
      return {
        status: 'ok',
        outcomes: result.value.outcomes.map(({ jobId, outcome }) => ({ jobId, outcome })),
        printerCondition: result.value.condition?.kind ?? null,
        printer: result.value.printer,
        logoutAfterSeconds: deps.config.get('print.logout-after-release-seconds'),
      };
    });
  // The sign-in whose first listing asked the renderer to release everything (once per sign-in).
  let releaseAllOffered = -1;
  return {
    printJobs: () =>
      asUser<PrintJobsOutput>(async (user, print) => {
        const listed = await print.list(user);
        if (!listed.ok) return unusable(listed.error);
        const signIn = deps.signedInUser()?.signIn ?? -1;
        const releaseAll = deps.config.get('print.release-all-on-login') && releaseAllOffered !== signIn && listed.value.jobs.length > 0;
        if (releaseAll) releaseAllOffered = signIn;
        return { status: 'ok', jobs: [...listed.value.jobs], printer: listed.value.printer, releaseAllNow: releaseAll };
      }),
    printRelease: action('release'),
    printDelete: action('delete'),
    printSetupStatus: async () => ({ ok: true, value: deps.print?.setupStatus?.() ?? { status: 'not-configured', command: NOT_CONFIGURED_COMMAND } }),
  };
}
