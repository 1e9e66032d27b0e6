import { z } from 'zod';

const jobId = z.number().int().min(1).max(2_147_483_647);

const heldJobSchema = z.strictObject({
  id: jobId,
  title: z.string(),
  queue: z.string(),
  submittedAt: z.number().int(),
  pages: z.number().int().nullable(),
  copies: z.number().int(),
  color: z.boolean().nullable(),
  sizeBytes: z.number().int().nullable(),
});

const outcomeSchema = z.strictObject({
  jobId,
  outcome: z.enum(['released', 'deleted', 'already-gone', 'refused']),
});

export const printerConditionKindSchema = z.enum(['ready', 'stopped', 'out-of-paper', 'out-of-toner', 'jammed', 'door-open', 'offline']);

/**
 * Printing that cannot be used right now is an answer, not an error: the job list screen shows
 * one line for it and every other screen (PIN, Card/ID) goes on working. `unavailable`: the print
 * server or the central store cannot be reached (the reason is in the technician log only);
 * `not-configured`: no print server or release printer yet, with the command that sets one up.
 */
const printUnusableSchemas = [
  z.strictObject({ status: z.literal('unavailable') }),
  z.strictObject({ status: z.literal('not-configured'), command: z.string() }),
] as const;

export const printJobsOutputSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('ok'),
    jobs: z.array(heldJobSchema),
    printer: z.string(),
    /** print.release-all-on-login, on the first listing of this sign-in: the renderer releases everything and shows what was sent. */
    releaseAllNow: z.boolean(),
  }),
  ...printUnusableSchemas,
]);

export const printActionOutputSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('ok'),
    outcomes: z.array(outcomeSchema),
    /** The release printer's state, read before a release; null for delete. */
    printerCondition: printerConditionKindSchema.nullable(),
    printer: z.string(),
    /** `print.logout-after-release-seconds`: the renderer signs out after this long unless touched (0: never). */
    logoutAfterSeconds: z.number().int().min(0),
  }),
  ...printUnusableSchemas,
]);

export const printSetupStatusSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('ready'), printer: z.string().describe('SERVER/QUEUE') }),
  z.strictObject({ status: z.literal('not-configured'), command: z.string() }),
  z.strictObject({ status: z.literal('central'), url: z.string().describe('Enrolled: the central store holds the set-up') }),
]);
export type PrintSetupStatus = z.infer<typeof printSetupStatusSchema>;

const selectionSchema = z.union([z.strictObject({ all: z.literal(true) }), z.strictObject({ jobIds: z.array(jobId).min(1).max(500) })]);

/** Print release calls (issue 12), merged into KIOSK_METHODS; each answers no-session unless signed in. */
export const PRINT_METHODS = {
  /** The signed-in user's held jobs on this kiosk's printer and the follow-me queues, newest first. */
  printJobs: { input: z.strictObject({}), output: printJobsOutputSchema },
  /** Releases the named jobs (or all) to this kiosk's printer. */
  printRelease: { input: z.strictObject({ selection: selectionSchema }), output: printActionOutputSchema },
  /** Deletes the named jobs (or all) without printing. */
  printDelete: { input: z.strictObject({ selection: selectionSchema }), output: printActionOutputSchema },
  /** For technician mode: where this kiosk prints, or the command that sets printing up. Needs no session. */
  printSetupStatus: { input: z.strictObject({}), output: printSetupStatusSchema },
} as const;

export type PrintJobsOutput = z.infer<typeof printJobsOutputSchema>;
export type PrintActionOutput = z.infer<typeof printActionOutputSchema>;
export type HeldJobView = z.infer<typeof heldJobSchema>;
