import { z } from 'zod';
import { sessionStateSchema } from './kioskState.js';

/**
 * Card self-association at the kiosk (issue 14 item 4): an unknown card was swiped, the host moved
 * to `link-card`, and the person signs in with their directory username and password to claim it.
 * The host forwards both once to the central store and keeps neither. Schema messages never echo
 * a value (the password must not reach a log through a refusal).
 */
export const linkCardInputSchema = z.strictObject({
  username: z.string().min(1, 'a username is needed').max(256, 'a username has at most 256 characters'),
  password: z.string().min(1, 'a password is needed').max(1024, 'a password has at most 1024 characters'),
});

/**
 * Refusals after which the person stays on the sign-in screen and may try again (a wrong password,
 * the central store or the directory unreachable for now). Every other refusal ends at idle.
 */
export const LINK_CARD_RETRY_CODES: readonly string[] = ['invalid-credentials', 'central-unreachable', 'directory-unavailable', 'internal'];

export const CARD_LINK_METHODS = {
  /**
   * In link-card → set-pin (the user has no PIN yet) or signed-in; or invalid-credentials,
   * central-unreachable, directory-unavailable (still link-card); or locked-out
   * (details.lockedUntil), user-disabled, daily-limit, card-in-use, not-found (no account for this
   * directory user), card-change-not-allowed, card-linked-not-loaded (linked centrally, not yet
   * pulled here: swipe again) (→ idle).
   */
  linkCard: { input: linkCardInputSchema, output: sessionStateSchema },
} as const;
