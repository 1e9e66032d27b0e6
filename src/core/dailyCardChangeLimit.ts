import { DAILY_LIMIT_MESSAGE, fail, type DomainError } from './domainError.js';
import { ok, type Result } from './result.js';

/**
 * `user.can-change-card-id.num-times-per-day`: with limit 3, changes one to three in a site day
 * are allowed and the fourth is refused with the exact DAILY_LIMIT_MESSAGE. The kiosk (standalone)
 * and the central store (enrolled kiosks) both decide with this function.
 */
export function checkDailyCardChangeLimit(changesToday: number, limit: number): Result<void, DomainError> {
  if (changesToday >= limit) return fail('daily-limit', DAILY_LIMIT_MESSAGE, { limit, changesToday });
  return ok(undefined);
}

export function changesLeftToday(changesToday: number, limit: number): number {
  return Math.max(0, limit - changesToday);
}
