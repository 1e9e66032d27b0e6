import type { FastifyReply } from 'fastify';
import { changesQuerySchema } from '../../../src/protocol/index.js';
import { plainPoll } from '../../../src/central/http/changesQueryValidator.js';
import { KioskRequestLimit } from '../../../src/central/http/kioskRequestLimit.js';

/**
 * The idle poll's cheap checks (issue 10) must answer exactly as the general ones did: the plain
 * query reading agrees with the zod schema, and the per-kiosk counter refuses like the plugin did.
 */
describe('the changes query read without zod', () => {
  const queries: Record<string, unknown>[] = [
    { after: '0' }, { after: '42' }, { after: '007', limit: '10' }, { after: '5', limit: '10000' }, { after: '999999999999999' },
    { after: '5', limit: '0' }, { after: '5', limit: '10001' }, { after: '-1' }, { after: 'abc' }, { after: '' }, { after: '1.5' },
    { after: ' 1' }, { after: '1e3' }, { after: '9999999999999999999' }, { after: ['1', '2'] }, { after: '1', extra: 'x' },
    {}, { limit: '5' }, { after: '1', limit: '' }, { after: '1', limit: '2.5' },
  ];

  it.each(queries)('%o: a plain poll is read as zod reads it, anything else is left to zod', (query) => {
    const byZod = changesQuerySchema.safeParse(query);
    const plain = plainPoll(query);
    // Whatever zod refuses is never read plainly (zod then names what is wrong).
    if (!byZod.success) expect(plain).toBeNull();
    if (plain) expect(byZod.data).toEqual(plain);
  });

  it('takes the plain path for the polls kiosks send', () => {
    expect(plainPoll({ after: '42' })).toEqual({ after: 42, limit: 5_000 });
    expect(plainPoll({ after: '0', limit: '5000' })).toEqual({ after: 0, limit: 5_000 });
    expect(plainPoll({ after: '-1' })).toBeNull();
    expect(plainPoll({ after: '1', limit: '10001' })).toBeNull();
  });
});

/** A stand-in reply (no HTTP here): it only records the headers the counter sets. */
function headerRecordingReply(): FastifyReply & { headers: Record<string, unknown> } {
  const headers: Record<string, unknown> = {};
  const reply = { headers, header(name: string, value: unknown) { headers[name] = value; return reply; } };
  return reply as unknown as FastifyReply & { headers: Record<string, unknown> };
}

describe('the per-kiosk request limit', () => {
  it('counts each kiosk apart in one-minute windows and refuses past the limit with retry-after', () => {
    let now = 1_000_000;
    const limit = new KioskRequestLimit(2, () => now);
    const reply = headerRecordingReply();
    expect(limit.count('a', reply)).toBeNull();
    expect(limit.count('a', reply)).toBeNull();
    expect(limit.count('b', reply)).toBeNull();
    now += 20_000;
    const refused = limit.count('a', reply);
    expect(refused).toMatchObject({ statusCode: 429, message: 'Rate limit exceeded, retry in 40 seconds' });
    expect(reply.headers).toEqual({ 'x-ratelimit-limit': 2, 'x-ratelimit-remaining': 0, 'x-ratelimit-reset': 40, 'retry-after': 40 });
    now += 40_000;
    expect(limit.count('a', headerRecordingReply())).toBeNull();
  });

  it('keeps at most its number of kiosks, forgetting ended windows first', () => {
    let now = 0;
    const limit = new KioskRequestLimit(1, () => now, 2);
    limit.count('a', headerRecordingReply());
    now = 30_000;
    limit.count('b', headerRecordingReply());
    now = 61_000;
    limit.count('c', headerRecordingReply()); // a's window ended: a goes
    expect(limit.count('b', headerRecordingReply())).not.toBeNull(); // b still counted
    expect(limit.count('a', headerRecordingReply())).toBeNull();
  });
});
