import { z } from 'zod';

/**
 * A reader profile: the readers one kiosk uses, with their presets, serial parameters and
 * pipelines. The same JSON is stored on the kiosk, sent to the central store as "this kiosk's
 * reader profile", exported by the technician screens and by `badgekiosk readers profile export`,
 * and imported on other kiosks. These schemas check the shape; the host then checks each reader
 * in depth with src/devices (known preset, pipeline steps, path or VID:PID), naming what is wrong.
 */
export const READER_PROFILE_FORMAT = 'badgekiosk.reader-profile';
export const READER_PROFILE_VERSION = 1;
export const MAX_READERS = 8;
/** Export/import text is bounded so a wrong file cannot tie up the host. */
export const MAX_PROFILE_JSON = 64 * 1024;

const printable = (max: number, what: string) =>
  z.string().max(max, `${what} has at most ${max} characters`).regex(/^[\x20-\x7e]*$/, `${what} holds printable ASCII only`);

export const readerIdSchema = z
  .string()
  .min(1, 'a reader needs an id')
  .max(128, 'a reader id has at most 128 characters')
  .regex(/^[\x21-\x7e]+$/, 'a reader id holds printable ASCII without spaces');

export const serialSettingsSchema = z.strictObject({
  baudRate: z.number().int().positive().optional(),
  dataBits: z.union([z.literal(5), z.literal(6), z.literal(7), z.literal(8)]).optional(),
  parity: z.enum(['none', 'even', 'odd', 'mark', 'space']).optional(),
  stopBits: z.union([z.literal(1), z.literal(1.5), z.literal(2)]).optional(),
});
export type SerialSettingsInput = z.infer<typeof serialSettingsSchema>;

export const framerSettingsSchema = z.strictObject({
  terminator: z.enum(['any', 'cr', 'lf', 'crlf']).optional(),
  prefix: printable(16, 'a prefix').optional(),
  suffix: printable(16, 'a suffix').optional(),
  silenceMs: z.number().int().optional(),
  reportSize: z.union([z.literal(8), z.literal(9)]).optional(),
  reportId: z.number().int().optional(),
});

/** One reader. `path` for serial presets, `hid` (VID:PID or hidraw path) for HID presets. */
export const readerEntrySchema = z.strictObject({
  id: readerIdSchema,
  label: printable(64, 'a label').optional(),
  preset: z.string().min(1, 'a reader needs a preset').max(32),
  path: z.string().min(1).max(256).optional(),
  hid: z.string().min(1).max(256).optional(),
  serial: serialSettingsSchema.optional(),
  framer: framerSettingsSchema.optional(),
  pipeline: z.string().max(512, 'a pipeline has at most 512 characters'),
  debounceMs: z.number().int().min(0).max(60_000).optional(),
});
export type ReaderEntry = z.infer<typeof readerEntrySchema>;

export const readerListSchema = z
  .array(readerEntrySchema)
  .max(MAX_READERS, `a kiosk has at most ${MAX_READERS} readers`)
  .superRefine((readers, ctx) => {
    const seen = new Set<string>();
    for (const [index, reader] of readers.entries()) {
      if (seen.has(reader.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `reader id ${reader.id} appears twice` });
      seen.add(reader.id);
    }
  });

/** The stored and transmitted profile. */
export const readerProfileSchema = z.strictObject({
  format: z.literal(READER_PROFILE_FORMAT, `format must be "${READER_PROFILE_FORMAT}"`),
  version: z.literal(READER_PROFILE_VERSION, `version must be ${READER_PROFILE_VERSION}`),
  readers: readerListSchema,
});
export type ReaderProfile = z.infer<typeof readerProfileSchema>;

/** An exported file: the profile plus where and when it came from (ignored on import). */
export const readerProfileFileSchema = readerProfileSchema.extend({
  exportedAt: z.string().max(40).optional(),
  exportedFrom: z.string().max(128).nullable().optional(),
});
export type ReaderProfileFile = z.infer<typeof readerProfileFileSchema>;

export function readerProfileOf(readers: readonly ReaderEntry[]): ReaderProfile {
  return { format: READER_PROFILE_FORMAT, version: READER_PROFILE_VERSION, readers: [...readers] };
}
