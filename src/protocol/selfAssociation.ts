import { z } from 'zod';

/**
 * Card self-association (issue 14): a kiosk met an unknown card and its owner signed in with their
 * directory username and password. The kiosk forwards them once over TLS to the central store,
 * which checks them against the directory (the kiosk never sees directory settings) and links the
 * card. Zod only: imported by the central store and the kiosk side.
 */
export const selfAssociationRequestSchema = z.object({
  cardNumber: z.string().min(1).max(64),
  username: z.string().min(1).max(256),
  password: z.string().max(1024),
});
export type SelfAssociationRequest = z.infer<typeof selfAssociationRequestSchema>;

export const selfAssociationResponseSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  field: z.enum(['primary', 'secondary']),
  /** False: the kiosk asks the user to set a PIN next (the card swipe proved possession). */
  hasPin: z.boolean(),
  changesLeftToday: z.number().int(),
});
export type SelfAssociationResponse = z.infer<typeof selfAssociationResponseSchema>;
