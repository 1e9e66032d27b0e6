/**
 * The site's calendar day in its IANA time zone (`site.timezone`), which bounds the daily Card/ID
 * change limit. Pure: only Intl, no time-zone database of our own. A day is not always 24 hours
 * (DST gives 23 or 25), and in a few zones local midnight does not exist on the day clocks spring
 * forward at 00:00 (e.g. America/Santiago): the day then starts at the first instant that has that date.
 */

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown zone; site.timezone is validated before it is stored.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClock(epochMs: number, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? NaN,
    month: fields.month ?? NaN,
    day: fields.day ?? NaN,
    hour: fields.hour ?? NaN,
    minute: fields.minute ?? NaN,
    second: fields.second ?? NaN,
  };
}

const dayKey = (w: WallClock): number => w.year * 10_000 + w.month * 100 + w.day;

/** Zone offset at an instant: local wall time read as if it were UTC, minus the instant (whole seconds). */
function offsetAt(epochMs: number, timeZone: string): number {
  const w = wallClock(epochMs, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(epochMs / 1000) * 1000;
}

const HOUR_MS = 3_600_000;

/** Per zone, the day last asked about: [start, next) all belong to it. */
const lastDay = new Map<string, { readonly start: number; readonly next: number }>();

/**
 * Epoch ms of the first instant of the site's calendar day that contains epochMs. Remembered per
 * zone for the rest of that day: each sign-in's profile asks, and working it out takes a handful
 * of Intl.DateTimeFormat calls.
 */
export function startOfSiteDay(epochMs: number, timeZone: string): number {
  const known = lastDay.get(timeZone);
  if (known && epochMs >= known.start && epochMs < known.next) return known.start;
  const start = computeStartOfSiteDay(epochMs, timeZone);
  // Days last 23 to 25 hours, so 36 hours on is normally tomorrow; the check below keeps a zone
  // that skipped a date (Pacific/Apia, December 2011) or a very short day from being remembered wrongly.
  const next = computeStartOfSiteDay(start + 36 * HOUR_MS, timeZone);
  if (next > start && computeStartOfSiteDay(next - 1, timeZone) === start) lastDay.set(timeZone, { start, next });
  return start;
}

function computeStartOfSiteDay(epochMs: number, timeZone: string): number {
  const today = wallClock(epochMs, timeZone);
  const todayKey = dayKey(today);
  const midnightAsUtc = Date.UTC(today.year, today.month - 1, today.day);
  // Two rounds: the offset at midnight can differ from the offset at the first guess across a DST change.
  let candidate = midnightAsUtc - offsetAt(midnightAsUtc, timeZone);
  candidate = midnightAsUtc - offsetAt(candidate, timeZone);
  if (
    candidate <= epochMs &&
    dayKey(wallClock(candidate, timeZone)) === todayKey &&
    dayKey(wallClock(candidate - 1, timeZone)) < todayKey
  ) {
    return candidate;
  }
  // Midnight was skipped (or the zone did something stranger): the local date only ever moves
  // forward, so search for the first instant that already shows today's date.
  let before = epochMs - 48 * HOUR_MS;
  let onDay = epochMs;
  while (onDay - before > 1) {
    const middle = Math.floor((before + onDay) / 2);
    if (dayKey(wallClock(middle, timeZone)) >= todayKey) onDay = middle;
    else before = middle;
  }
  return onDay;
}
