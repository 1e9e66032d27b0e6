/**
 * Lets timers and I/O run before the caller goes on (setImmediate, not a resolved promise: a
 * promise continues in the same turn, so a loop awaiting only promises still starves the loop).
 * Long imports call this every so many rows so health checks, pulls and logins keep being served.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Rows handled between two yields: about a millisecond of checking each. */
export const ROWS_PER_YIELD = 1000;
