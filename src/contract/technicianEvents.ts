import { z } from 'zod';
import { liveRecordSchema, technicianLeaveReasonSchema, technicianStateSchema, testSwipeResultSchema } from './technicianState.js';

/** Technician mode's announcements, merged into KIOSK_EVENTS. */
export const TECHNICIAN_EVENTS = {
  /** Technician mode moved; `left` says why it just ended (the renderer returns to the idle screen). */
  technician: z.strictObject({
    state: technicianStateSchema,
    left: z.strictObject({ reason: technicianLeaveReasonSchema }).nullable(),
  }),
  /** A reader sent something while technician mode is active (never announced otherwise). */
  technicianRecord: liveRecordSchema,
  /** The armed test swipe read a card. */
  technicianTestSwipe: testSwipeResultSchema,
} as const;
