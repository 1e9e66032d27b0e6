import fc from 'fast-check';
import { startOfSiteDay } from '../../../src/core/index.js';

const at = (iso: string) => Date.parse(iso);

describe('startOfSiteDay: the site calendar day in site.timezone', () => {
  it('is midnight UTC for UTC', () => {
    expect(startOfSiteDay(at('2026-03-10T15:42:07.123Z'), 'UTC')).toBe(at('2026-03-10T00:00:00Z'));
  });

  it('is local midnight, not UTC midnight, in Europe/Berlin', () => {
    // 00:30 in Berlin on 10 March is still 9 March in UTC.
    expect(startOfSiteDay(at('2026-03-09T23:30:00Z'), 'Europe/Berlin')).toBe(at('2026-03-09T23:00:00Z'));
  });

  it('gives a 23-hour day when Berlin springs forward', () => {
    const start = startOfSiteDay(at('2026-03-29T20:00:00Z'), 'Europe/Berlin');
    expect(start).toBe(at('2026-03-28T23:00:00Z')); // midnight CET (+01:00)
    const next = startOfSiteDay(at('2026-03-30T10:00:00Z'), 'Europe/Berlin');
    expect(next).toBe(at('2026-03-29T22:00:00Z')); // midnight CEST (+02:00)
    expect(next - start).toBe(23 * 3_600_000);
  });

  it('gives a 25-hour day when New York falls back', () => {
    const start = startOfSiteDay(at('2026-11-01T23:00:00Z'), 'America/New_York');
    expect(start).toBe(at('2026-11-01T04:00:00Z')); // midnight EDT (-04:00)
    const next = startOfSiteDay(at('2026-11-02T12:00:00Z'), 'America/New_York');
    expect(next).toBe(at('2026-11-02T05:00:00Z')); // midnight EST (-05:00)
    expect(next - start).toBe(25 * 3_600_000);
  });

  it('starts at 01:00 when midnight does not exist (Santiago springs forward at 00:00)', () => {
    // Chile: clocks went from 00:00 -04 to 01:00 -03 on 2024-09-08.
    expect(startOfSiteDay(at('2024-09-08T15:00:00Z'), 'America/Santiago')).toBe(at('2024-09-08T04:00:00Z'));
  });

  it('counts an instant exactly at midnight as the new day, and one ms before as the old', () => {
    const midnight = at('2026-06-15T22:00:00Z'); // 00:00 CEST on 16 June
    expect(startOfSiteDay(midnight, 'Europe/Berlin')).toBe(midnight);
    expect(startOfSiteDay(midnight - 1, 'Europe/Berlin')).toBe(at('2026-06-14T22:00:00Z'));
  });

  it('handles half-hour zones east of UTC (Asia/Kolkata)', () => {
    expect(startOfSiteDay(at('2026-01-01T20:00:00Z'), 'Asia/Kolkata')).toBe(at('2026-01-01T18:30:00Z'));
  });

  it('refuses an unknown zone', () => {
    expect(() => startOfSiteDay(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('startOfSiteDay properties', () => {
  const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Apia', 'America/St_Johns'];
  const formats = new Map(zones.map((zone) => [zone, new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })]));
  const dateIn = (ms: number, zone: string) => formats.get(zone)!.format(ms);

  it('returns the first instant that shows the same local date', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2040-01-01T00:00:00Z') }), fc.constantFrom(...zones), (t, zone) => {
        const start = startOfSiteDay(t, zone);
        expect(start).toBeLessThanOrEqual(t);
        expect(t - start).toBeLessThan(26 * 3_600_000);
        expect(dateIn(start, zone)).toBe(dateIn(t, zone));
        expect(dateIn(start - 1, zone)).not.toBe(dateIn(t, zone));
      }),
      { numRuns: 300 },
    );
  });

  // startOfSiteDay remembers the day it last answered: walking forward in 20-minute steps, as a
  // running server's clock does, must still give each instant its own day, across DST changes
  // and the date Samoa skipped (30 December 2011).
  it('stays right when asked about instants in order across day boundaries', () => {
    const walks = ['2011-12-28T00:00:00Z', '2026-03-27T12:00:00Z', '2026-10-31T12:00:00Z', '2024-09-06T12:00:00Z', '2026-04-03T12:00:00Z'];
    for (const zone of zones) {
      for (const from of walks) {
        for (let t = Date.parse(from); t < Date.parse(from) + 4 * 86_400_000; t += 20 * 60_000) {
          const start = startOfSiteDay(t, zone);
          expect(dateIn(start, zone), `${zone} ${new Date(t).toISOString()}`).toBe(dateIn(t, zone));
          expect(dateIn(start - 1, zone), `${zone} ${new Date(t).toISOString()}`).not.toBe(dateIn(t, zone));
        }
      }
    }
  });
});
