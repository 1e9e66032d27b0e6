/**
 * Exponential backoff with full jitter (a random delay between 0 and the exponential cap), so a
 * site full of kiosks coming back after an outage does not reconnect in lockstep.
 */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 30_000 };

export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt));
  // Never zero: a floor of a tenth of the base keeps a failing loop from spinning.
  return Math.max(policy.baseMs / 10, Math.round(random() * cap));
}
