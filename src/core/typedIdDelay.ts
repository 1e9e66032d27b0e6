/**
 * The kiosk's growing pause between typed-ID tries after failures (issue 11, finding 5): 0 s, then
 * 1, 2, 4, 8 … seconds up to `auth.typed-id-max-delay-seconds`. It is per kiosk, whatever number
 * is typed, so walking through many numbers is slow even though each number has its own count.
 */
export interface TypedIdThrottle {
  /** Failures in a row on this kiosk. */
  readonly failures: number;
  readonly lastFailureAt: number | null;
}

export const NO_TYPED_ID_THROTTLE: TypedIdThrottle = { failures: 0, lastFailureAt: null };

/** A kiosk left alone this long starts again at no delay. */
export const TYPED_ID_QUIET_MS = 10 * 60_000;

/** The pause owed after `failures` failures in a row. */
export function typedIdDelayMs(failures: number, maxDelaySeconds: number): number {
  if (failures <= 0 || maxDelaySeconds <= 0) return 0;
  return Math.min(maxDelaySeconds, 2 ** Math.min(failures - 1, 30)) * 1000;
}

function isQuiet(throttle: TypedIdThrottle, now: number): boolean {
  return throttle.lastFailureAt === null || now - throttle.lastFailureAt >= TYPED_ID_QUIET_MS;
}

/** Milliseconds still to wait before the next typed-ID try is taken (0: go ahead). */
export function typedIdWaitMs(throttle: TypedIdThrottle, maxDelaySeconds: number, now: number): number {
  if (isQuiet(throttle, now)) return 0;
  return Math.max(0, throttle.lastFailureAt! + typedIdDelayMs(throttle.failures, maxDelaySeconds) - now);
}

export function throttleAfterFailure(throttle: TypedIdThrottle, now: number): TypedIdThrottle {
  return { failures: (isQuiet(throttle, now) ? 0 : throttle.failures) + 1, lastFailureAt: now };
}
