import type { HeldJob, JobOutcome, JobSelection, KioskPrint, PrintNotConfigured, PrintUnavailable, PrintUser } from '../../core/index.js';
import { runtimeKioskPrint } from '../../host/print/runtimeKioskPrint.js';
import { jobIdSchema } from '../../protocol/printProtocol.js';
import { UsageError, type CliCommand, type CliContext } from '../cliCommand.js';
import { CREDENTIAL_OPTIONS, CREDENTIAL_USAGE, credentialFrom } from '../credentialOptions.js';
import { withCliKiosk } from '../cliKiosk.js';
import { parseOptions, requireOption } from '../parseOptions.js';
import { resolvePins } from '../pinInput.js';
import { withLocalPrint } from '../printAccess.js';
import { signIn } from '../signIn.js';

const SIGN_IN_OPTIONS = { ...CREDENTIAL_OPTIONS, pin: { type: 'string' } } as const;
const SELECTION_OPTIONS = { ...SIGN_IN_OPTIONS, job: { type: 'string', multiple: true }, all: { type: 'boolean' } } as const;

function selectionFrom(values: { readonly job?: string[] | undefined; readonly all?: boolean | undefined }): JobSelection {
  const jobs = values.job ?? [];
  if (values.all && jobs.length > 0) throw new UsageError('Give either --job ID … or --all, not both.');
  if (values.all) return { all: true };
  if (jobs.length === 0) throw new UsageError('Missing --job ID (repeatable) or --all.');
  const bad = jobs.filter((job) => !/^\d{1,10}$/.test(job) || !jobIdSchema.safeParse(Number(job)).success);
  if (bad.length > 0) throw new UsageError(`--job takes a job number from 1 to 2147483647, got ${bad.map((job) => JSON.stringify(job)).join(', ')}.`);
  return { jobIds: jobs.map(Number) };
}

function refuse(ctx: CliContext, error: PrintUnavailable | PrintNotConfigured): number {
  ctx.stderr.write(error.code === 'print-unavailable' ? `${error.message} (${error.reason})\n` : `${error.message} Set one up with: ${error.command}\n`);
  return 1;
}

/**
 * Signs in as the user at this kiosk (lockout and audit included), then runs fn with the kiosk's
 * print release: its own CUPS set-up when standalone, its central store when enrolled.
 */
async function asUserAtKiosk(
  ctx: CliContext,
  values: { readonly card?: string | undefined; readonly id?: string | undefined; readonly pin?: string | undefined },
  fn: (user: PrintUser, print: KioskPrint) => Promise<number>,
): Promise<number> {
  const credential = credentialFrom(values);
  const [pin] = (await resolvePins(ctx, [{ value: requireOption(values.pin, '--pin'), prompt: 'PIN' }])) as [string];
  return withCliKiosk(ctx.dataDir, async (kiosk) => {
    const session = await signIn(ctx, kiosk, credential, pin);
    if (!session) return 1;
    return fn({ id: session.user.id, username: session.user.username }, runtimeKioskPrint(kiosk.store, ctx.dataDir));
  });
}

function jobLine(job: HeldJob): string {
  const pages = job.pages === null ? '? pages' : `${job.pages} page${job.pages === 1 ? '' : 's'}`;
  return `${job.id}\t${new Date(job.submittedAt).toISOString()}\t${job.queue}\t${pages} × ${job.copies}\t${job.title}\n`;
}

function outcomeLine(outcome: JobOutcome, printer: string): string {
  switch (outcome.outcome) {
    case 'released':
      return `job ${outcome.jobId}: sent to ${printer}\n`;
    case 'deleted':
      return `job ${outcome.jobId}: deleted\n`;
    case 'already-gone':
      return `job ${outcome.jobId}: already gone (printed, deleted or expired meanwhile)\n`;
    case 'refused':
      return `job ${outcome.jobId}: refused, no such held job of yours at this kiosk\n`;
    default: {
      const never: never = outcome;
      return never;
    }
  }
}

export const printJobsCommand: CliCommand = {
  path: ['print', 'jobs'],
  summary: "List a user's held print jobs at this kiosk (signs in first, like the kiosk)",
  usage: `badgekiosk print jobs ${CREDENTIAL_USAGE} --pin P [--json]`,
  async run(ctx, argv) {
    const { values } = parseOptions(argv, { ...SIGN_IN_OPTIONS, json: { type: 'boolean' } });
    return asUserAtKiosk(ctx, values, async (user, print) => {
      const listed = await print.list(user);
      if (!listed.ok) return refuse(ctx, listed.error);
      if (values.json) {
        const jobs = listed.value.jobs.map((job) => ({
          id: job.id, title: job.title, queue: job.queue, submitted: new Date(job.submittedAt).toISOString(), pages: job.pages, copies: job.copies, sizeBytes: job.sizeBytes,
        }));
        ctx.stdout.write(`${JSON.stringify({ jobs })}\n`);
      } else if (listed.value.jobs.length === 0) {
        ctx.stdout.write('No held jobs. Print to the follow-me queue from your computer, then release your documents here.\n');
      } else {
        for (const job of listed.value.jobs) ctx.stdout.write(jobLine(job));
      }
      return 0;
    });
  },
};

function actionCommand(action: 'release' | 'delete'): CliCommand {
  return {
    path: ['print', action],
    summary: action === 'release' ? "Release a user's held jobs to this kiosk's printer (signs in first)" : "Delete a user's held jobs without printing (signs in first)",
    usage: `badgekiosk print ${action} ${CREDENTIAL_USAGE} --pin P (--job ID ... | --all)`,
    async run(ctx, argv) {
      const { values } = parseOptions(argv, SELECTION_OPTIONS);
      const selection = selectionFrom(values);
      return asUserAtKiosk(ctx, values, async (user, print) => {
        const result = await print[action](user, selection);
        if (!result.ok) return refuse(ctx, result.error);
        const { outcomes, condition, printer } = result.value;
        if (condition && condition.kind !== 'ready') ctx.stdout.write(`Note: ${condition.message}\n`);
        if (outcomes.length === 0) ctx.stdout.write('No held jobs.\n');
        for (const outcome of outcomes) ctx.stdout.write(outcomeLine(outcome, printer));
        return outcomes.every((o) => o.outcome === 'released' || o.outcome === 'deleted') ? 0 : 1;
      });
    },
  };
}

export const printExpireCommand: CliCommand = {
  path: ['print', 'expire'],
  summary: 'Cancel held jobs older than print.held-job-timeout-minutes now (a standalone kiosk also does it every minute)',
  usage: 'badgekiosk print expire',
  async run(ctx, argv) {
    parseOptions(argv, {});
    return withLocalPrint(ctx, async (print) => {
      const result = await print.expire();
      if (!result.ok) return refuse(ctx, result.error);
      ctx.stdout.write(result.value.length === 0 ? 'No held job has expired.\n' : `Expired ${result.value.length} held job(s): ${result.value.join(', ')}\n`);
      return 0;
    });
  },
};

export const printJobCommands: readonly CliCommand[] = [printJobsCommand, actionCommand('release'), actionCommand('delete'), printExpireCommand];
