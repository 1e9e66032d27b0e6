import { z } from 'zod';
import { cardNumberSchema } from './kioskState.js';
import { readerEntrySchema } from './readerProfile.js';

/**
 * Technician mode, owned by the host. `pin`: the technician PIN keypad is up (after a long press
 * on the idle screen's corner, or a technician card). `active`: the technician screens are open;
 * reader cards go to the live view instead of signing anyone in. Leaving, or idling for
 * `technician.idle-timeout-seconds`, returns to `off` and the idle screen.
 */
export const technicianPhaseSchema = z.enum(['off', 'pin', 'active']);
export type TechnicianPhase = z.infer<typeof technicianPhaseSchema>;

export const technicianStateSchema = z.strictObject({
  phase: technicianPhaseSchema,
  /** False when no technician PIN is configured: entry is impossible until one is set. */
  pinConfigured: z.boolean(),
  /** Epoch ms until which wrong technician PINs keep the keypad locked, else null. */
  lockedUntil: z.number().int().nullable(),
  /** The readers running now differ from the saved profile (leaving discards the difference). */
  unsaved: z.boolean(),
});
export type TechnicianState = z.infer<typeof technicianStateSchema>;

export const technicianLeaveReasonSchema = z.enum(['leave', 'idle', 'cancel']);
export type TechnicianLeaveReason = z.infer<typeof technicianLeaveReasonSchema>;

const usbIdSchema = z.string().regex(/^[0-9a-f]{4}$/);

/** A serial port or HID device the kiosk can see, with the preset proposed for its VID:PID. */
export const discoveredDeviceSchema = z.strictObject({
  channel: z.enum(['serial', 'hid']),
  path: z.string(),
  vendorId: usbIdSchema.optional(),
  productId: usbIdSchema.optional(),
  manufacturer: z.string().optional(),
  product: z.string().optional(),
  serialNumber: z.string().optional(),
  usagePage: z.number().int().optional(),
  usage: z.number().int().optional(),
  interface: z.number().int().optional(),
  proposal: z.strictObject({ preset: z.string(), note: z.string() }).optional(),
  /** system: listed by the OS; configured: a path a reader uses now; extra: a path the kiosk was started with. */
  origin: z.enum(['system', 'configured', 'extra']),
});
export type DiscoveredDeviceView = z.infer<typeof discoveredDeviceSchema>;

export const presetViewSchema = z.strictObject({
  name: z.string(),
  channel: z.enum(['serial', 'hid']),
  summary: z.string(),
  defaultPipeline: z.string(),
  serial: z
    .strictObject({ baudRate: z.number().int(), dataBits: z.number().int(), parity: z.string(), stopBits: z.number() })
    .optional(),
});
export type PresetView = z.infer<typeof presetViewSchema>;

export const readerRunStateSchema = z.enum(['ready', 'disconnected', 'error']);

export const readersOverviewSchema = z.strictObject({
  /** The readers running now (the saved profile, or the technician's unsaved edit). */
  readers: z.array(
    z.strictObject({
      entry: readerEntrySchema,
      state: readerRunStateSchema,
      message: z.string().optional(),
      /** The serial reader given on the command line (`start --serial-preset --serial-port`), unchanged since. */
      givenAtStart: z.boolean().optional(),
    }),
  ),
  presets: z.array(presetViewSchema),
  savedAt: z.number().int().nullable(),
  unsaved: z.boolean(),
  /** Keyboard-mode readers are read in the kiosk window (reader id `keyboard-wedge` in the live view). */
  keyboardWedge: z.boolean(),
});
export type ReadersOverview = z.infer<typeof readersOverviewSchema>;

/**
 * One record a reader sent, for the live view: the bytes, the framer's verdict and the Card/ID
 * number after the pipeline. Announced only while technician mode is active.
 */
/** The live view's reader id for keystroke cards decoded in the kiosk window. */
export const KEYBOARD_WEDGE_READER = 'keyboard-wedge';

export const liveRecordSchema = z.strictObject({
  seq: z.number().int().min(0),
  readerId: z.string(),
  at: z.number().int(),
  verdict: z.enum(['card', 'duplicate', 'rejected', 'noise']),
  frameHex: z.string(),
  /** The record text the framer accepted (before the pipeline), else null. */
  raw: z.string().nullable(),
  cardNumber: z.string().nullable(),
  /** Why the frame or the pipeline refused it. */
  reason: z.string().nullable(),
  /** Skipped bytes, for noise. */
  count: z.number().int().nullable(),
});
export type LiveRecord = z.infer<typeof liveRecordSchema>;

export const pipelineSampleSchema = z.strictObject({
  raw: z.string().min(1).max(256),
  expected: cardNumberSchema,
});

export const pipelineProposalSchema = z.strictObject({
  pipeline: z.string(),
  steps: z.number().int().min(0),
});

export const pipelineSuggestionsSchema = z.strictObject({
  proposals: z.array(pipelineProposalSchema),
  /** Several different pipelines fit the samples but disagree on other cards: swipe another card. */
  ambiguous: z.boolean(),
  /** Candidates the search tried (it is bounded). */
  examined: z.number().int().min(0),
});
export type PipelineSuggestions = z.infer<typeof pipelineSuggestionsSchema>;

/** A test swipe's answer: the matched user's username only, or null for "no user". */
export const testSwipeResultSchema = z.strictObject({
  readerId: z.string(),
  cardNumber: z.string(),
  username: z.string().nullable(),
  at: z.number().int(),
});
export type TestSwipeResult = z.infer<typeof testSwipeResultSchema>;
