import { domainError, err, isDomainErrorCode, ok, type DomainError, type Result } from '../core/index.js';
import type { CommandResult } from '../protocol/index.js';
import { CentralCallError, type CentralHttpClient } from './centralHttpClient.js';

export const CENTRAL_UNREACHABLE_MESSAGE =
  'The central store cannot be reached, so the Card/ID number cannot be changed right now. Please try again later.';

export const CARD_CHANGE_UNCONFIRMED_MESSAGE =
  'The central store stopped answering while it changed your Card/ID number, so we cannot tell whether the change was made. Sign in again in a minute to see the number in force.';

export interface CardChangeCall {
  readonly idempotencyKey: string;
  readonly userId: string;
  readonly field: 'primary' | 'secondary';
  readonly manualNumber: string | null;
}

export interface CardChangeTiming {
  /** How long the push may take before the kiosk stops waiting for its answer. */
  readonly timeoutMs: number;
  /** After a lost or late answer: how long the kiosk keeps asking for the outcome of the key. */
  readonly outcomeWindowMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export function answerOf(result: CommandResult): Result<{ readonly cardNumber: string }, DomainError> {
  if (result.status === 'accepted' && result.cardNumber) return ok({ cardNumber: result.cardNumber });
  const code = result.reason && isDomainErrorCode(result.reason.code) ? result.reason.code : 'conflict';
  return err(domainError(code, result.reason?.message ?? 'The central store refused the change.', result.reason?.details));
}

const unreachable = () => err(domainError('central-unreachable', CENTRAL_UNREACHABLE_MESSAGE));
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Asks the central store for a Card/ID change and returns what it really did (issue 11, finding 1).
 * The push carries an idempotency key the central store applies once; when its answer is lost or
 * late, the change may already be made (old card dead, a daily change spent), so instead of saying
 * "failed" the kiosk asks for the outcome of that key, and pushes again under the same key only when
 * the central store says it never received it. Only when no answer can be had within the window
 * does it say the outcome is unknown; the next sign-in then shows the number in force.
 */
export async function requestCardChangeOutcome(
  client: CentralHttpClient,
  call: CardChangeCall,
  timing: CardChangeTiming,
): Promise<Result<{ readonly cardNumber: string }, DomainError>> {
  const sleep = timing.sleep ?? defaultSleep;
  const entry = {
    idempotencyKey: call.idempotencyKey,
    command: { type: 'card-change-request' as const, userId: call.userId, field: call.field, manualNumber: call.manualNumber, at: Date.now() },
  };
  const push = async (timeoutMs: number) => (await client.push([entry], timeoutMs))[0];

  try {
    const result = await push(timing.timeoutMs);
    return result ? answerOf(result) : unreachable();
  } catch (error) {
    if (!(error instanceof CentralCallError) || error.kind !== 'unreachable' || !error.mayHaveArrived) return unreachable();
  }

  const deadline = Date.now() + timing.outcomeWindowMs;
  for (let delay = 250; ; delay = Math.min(delay * 2, 2_000)) {
    const left = deadline - Date.now();
    if (left <= 0) return err(domainError('card-change-unconfirmed', CARD_CHANGE_UNCONFIRMED_MESSAGE));
    await sleep(Math.min(delay, left));
    const budget = Math.max(250, Math.min(deadline - Date.now(), timing.timeoutMs));
    try {
      const known = await client.commandOutcome(call.idempotencyKey, budget);
      if (known) return answerOf(known);
      // Never received: the same key again, which the central store applies at most once.
      const result = await push(budget);
      if (result) return answerOf(result);
    } catch (error) {
      if (error instanceof CentralCallError && error.kind === 'unauthorized') return unreachable();
      // Still no answer: keep asking until the window closes.
    }
  }
}
