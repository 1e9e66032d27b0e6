import { z } from 'zod';
import { MAX_PROFILE_JSON, readerListSchema } from './readerProfile.js';
import {
  discoveredDeviceSchema,
  liveRecordSchema,
  pipelineSampleSchema,
  pipelineSuggestionsSchema,
  readersOverviewSchema,
  technicianStateSchema,
} from './technicianState.js';

/** Only the length is bounded here; schema messages never echo the value. */
const technicianPinSchema = z.string().min(1, 'a PIN is needed').max(64, 'a PIN has at most 64 characters');
const noInput = z.strictObject({});
const ack = z.strictObject({});

/**
 * Technician mode's calls, merged into KIOSK_METHODS. Every call but technicianGetState and the
 * entry calls answers `wrong-step` unless technician mode is active; every call while active
 * counts as activity for the technician idle timeout.
 */
export const TECHNICIAN_METHODS = {
  technicianGetState: { input: noInput, output: technicianStateSchema },
  /**
   * The long press on the idle screen's corner: → phase pin; or not-found (no technician PIN is
   * configured), locked-out (details.lockedUntil), wrong-step (someone is signed in).
   */
  technicianRequestEntry: { input: noInput, output: technicianStateSchema },
  /** In phase pin → active; or wrong-pin (details.attemptsLeft), locked-out (details.lockedUntil). */
  technicianEnter: { input: z.strictObject({ pin: technicianPinSchema }), output: technicianStateSchema },
  /** Leaves the PIN keypad or the technician screens → off; unsaved reader changes are discarded. */
  technicianLeave: { input: noInput, output: technicianStateSchema },
  /** The technician touched the screen: restarts the technician idle timeout. */
  technicianTouch: { input: noInput, output: ack },
  /** Serial ports and HID devices the kiosk can see now, with proposed presets. */
  technicianDiscover: {
    input: noInput,
    output: z.strictObject({ devices: z.array(discoveredDeviceSchema), warnings: z.array(z.string()) }),
  },
  technicianReaders: { input: noInput, output: readersOverviewSchema },
  /**
   * Runs these readers now, unsaved, so the live view shows what they read; invalid-input names
   * the reader and what is wrong with it.
   */
  technicianApplyReaders: { input: z.strictObject({ readers: readerListSchema }), output: readersOverviewSchema },
  /** The last 20 records of each reader (oldest first), for a live view opened late. */
  technicianRecentRecords: { input: noInput, output: z.strictObject({ records: z.array(liveRecordSchema) }) },
  /** Pipelines that turn every sample's raw record into its expected number, simplest first. */
  technicianSuggestPipelines: {
    input: z.strictObject({ samples: z.array(pipelineSampleSchema).min(1).max(5) }),
    output: pipelineSuggestionsSchema,
  },
  /**
   * Saves the running readers as this kiosk's reader profile (local store, and the outbox for the
   * central store when enrolled). central: queued (will be sent) or standalone (no central store).
   */
  technicianSaveProfile: {
    input: noInput,
    output: z.strictObject({ savedAt: z.number().int(), central: z.enum(['queued', 'standalone']) }),
  },
  /** Arms a test swipe: the next card of any reader is looked up and announced (technicianTestSwipe). */
  technicianArmTestSwipe: { input: noInput, output: ack },
  /** The running readers as a reader profile file. */
  technicianExportProfile: { input: noInput, output: z.strictObject({ fileName: z.string(), json: z.string() }) },
  /** Checks a reader profile file and runs its readers, unsaved; invalid-input says what is wrong. */
  technicianImportProfile: {
    input: z.strictObject({ json: z.string().max(MAX_PROFILE_JSON, `a reader profile file has at most ${MAX_PROFILE_JSON} characters`) }),
    output: readersOverviewSchema,
  },
  /**
   * A keyboard-wedge burst the technician screens decoded (the wedge is read in the renderer):
   * card, or typed (too slow for a reader). It joins the live view as reader `keyboard-wedge`
   * and answers an armed test swipe like any reader's card.
   */
  technicianWedgeRead: {
    input: z.strictObject({
      text: z.string().min(1).max(128).regex(/^[\x20-\x7e]+$/, 'keyboard-wedge text is printable ASCII'),
      verdict: z.enum(['card', 'typed']),
    }),
    output: ack,
  },
} as const;
