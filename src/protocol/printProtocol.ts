import { z } from 'zod';

/**
 * Print release over the kiosk API and the admin API (issue 12): what the central store serves and
 * what an enrolled kiosk sends and checks. Zod only, so both sides (and the CLI) import it.
 * Job ids are CUPS's numbers on one print server; usernames never travel from the kiosk for
 * listing (the central store takes the user from the signed-in session the kiosk names).
 */

export const jobIdSchema = z.number().int().min(1).max(2_147_483_647);

const printServerName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, '1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit');
const queueName = z.string().regex(/^[^\s/#'"\\]{1,127}$/, "1 to 127 characters without spaces, slashes, '#' or quotes");
const ippUrl = z.string().max(300).regex(/^ipps?:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?\/?$/, 'ipp://HOST[:PORT] or ipps://HOST[:PORT]');

/** Admin API: add a print server. The password is write-only: no answer ever carries it. */
export const printServerCreateSchema = z
  .object({
    name: printServerName,
    url: ippUrl,
    followMeQueues: z.array(queueName).max(50).default([]),
    username: z.string().min(1).max(200).optional(),
    password: z.string().min(1).max(1000).optional(),
  })
  .strict()
  .refine((body) => (body.username === undefined) === (body.password === undefined), 'username and password go together');

export const printServerSchema = z.object({
  name: z.string(),
  url: z.string(),
  followMeQueues: z.array(z.string()),
  hasCredentials: z.boolean(),
});

export const releasePrinterSchema = z.object({ server: printServerName, queue: queueName }).strict();

/** Setting a release printer: the queue is checked on the server; `noCheck` lets it through only while the server cannot be reached. */
export const releasePrinterSetSchema = releasePrinterSchema.extend({ noCheck: z.boolean().optional() }).strict();
/** What was set, and with `warning` when the queue could not be checked. */
export const releasePrinterSetResultSchema = releasePrinterSchema.extend({ warning: z.string().optional() }).strict();

/** What the kiosk asks for one signed-in user (the session's user id; the central store checks it). */
export const printUserRequestSchema = z.object({ userId: z.string().min(1).max(100) }).strict();

export const heldJobWireSchema = z.object({
  id: jobIdSchema,
  title: z.string(),
  queue: z.string(),
  submittedAt: z.number().int().min(0),
  pages: z.number().int().min(0).nullable(),
  copies: z.number().int().min(1),
  color: z.boolean().nullable(),
  sizeBytes: z.number().int().min(0).nullable(),
});

export const jobSelectionSchema = z.union([
  z.object({ all: z.literal(true) }).strict(),
  z.object({ jobIds: z.array(jobIdSchema).min(1).max(500) }).strict(),
]);

export const jobActionRequestSchema = z.object({ userId: z.string().min(1).max(100), selection: jobSelectionSchema }).strict();

export const jobOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ jobId: jobIdSchema, outcome: z.enum(['released', 'deleted', 'already-gone']) }),
  z.object({ jobId: jobIdSchema, outcome: z.literal('refused'), reason: z.literal('unknown-job') }),
]);

export const printerConditionSchema = z.object({
  kind: z.enum(['ready', 'stopped', 'out-of-paper', 'out-of-toner', 'jammed', 'door-open', 'offline']),
  message: z.string(),
  reasons: z.array(z.string()),
});

/** Every print answer: the value, or why printing cannot be used right now. */
export const printRefusalSchema = z.object({
  code: z.enum(['print-unavailable', 'print-not-configured']),
  message: z.string(),
});

export const heldJobsResponseSchema = z.object({ jobs: z.array(heldJobWireSchema), printer: z.object({ server: z.string(), queue: z.string() }) });
export const jobActionResponseSchema = z.object({ outcomes: z.array(jobOutcomeSchema), printer: printerConditionSchema.nullable(), queue: z.string() });

export type PrintServerCreate = z.infer<typeof printServerCreateSchema>;
export type JobActionRequest = z.infer<typeof jobActionRequestSchema>;
