import { z } from 'zod';
import { contractErrorSchema } from './contractError.js';
import { TECHNICIAN_EVENTS } from './technicianEvents.js';
import { readerKindSchema, readerStatusSchema, sessionStateSchema, signOutReasonSchema, syncStatusSchema } from './kioskState.js';

/** Everything the host announces without being asked. */
export const KIOSK_EVENTS = {
  /**
   * A host-side reader (serial, HID) produced a card. The card number is not sent: the host
   * handles the card itself and the `session` event that follows says what happened; an error
   * (unknown card, locked out, …) rides along so the renderer can show it.
   */
  cardRead: z.strictObject({
    readerId: z.string(),
    source: readerKindSchema,
    at: z.number().int(),
    error: contractErrorSchema.nullable(),
  }),
  /** The session moved. `signedOut` is set when a session just ended, with why. */
  session: z.strictObject({
    session: sessionStateSchema,
    signedOut: z.strictObject({ reason: signOutReasonSchema }).nullable(),
  }),
  /** Seconds left before the idle logout, each second of the warning window; null: countdown stopped. */
  idleCountdown: z.strictObject({ secondsLeft: z.number().int().min(0).nullable() }),
  readerStatus: readerStatusSchema,
  syncStatus: syncStatusSchema,
  ...TECHNICIAN_EVENTS,
} as const;

export type KioskEvents = typeof KIOSK_EVENTS;
export type EventName = keyof KioskEvents;
export type EventPayload<E extends EventName> = z.infer<KioskEvents[E]>;

export const EVENT_NAMES = Object.keys(KIOSK_EVENTS) as EventName[];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(KIOSK_EVENTS, name);
}

/** One announced event, tagged by name (what a bridge or socket carries). */
export type KioskEvent = { [E in EventName]: { readonly event: E; readonly payload: EventPayload<E> } }[EventName];
