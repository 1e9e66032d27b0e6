import type { FastifyError, FastifyReply } from 'fastify';

const WINDOW_MS = 60_000;

/**
 * One kiosk route's per-kiosk request limit: a count per kiosk in one-minute windows, in this
 * process's memory (behind a load balancer each process enforces its own share), as
 * @fastify/rate-limit's local store counted it. Called by the token check once it knows the
 * kiosk, so the idle poll pays one map lookup instead of that plugin's key generator, route
 * options, store callback and three awaits (a tenth of the poll, issue 10). Answered requests
 * carry no x-ratelimit-* headers (kiosks never read them); a refused one says 429, retry-after
 * and the limit's headers, like every other limited route.
 */
export class KioskRequestLimit {
  private readonly windows = new Map<string, { count: number; start: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly maxKiosks = 100_000,
  ) {}

  /** Counts the request; past the limit, sets the refusal's headers and returns the error to hand to Fastify. */
  count(kioskId: string, reply: FastifyReply): FastifyError | null {
    const now = this.now();
    let window = this.windows.get(kioskId);
    if (!window || now - window.start >= WINDOW_MS) {
      if (!window && this.windows.size >= this.maxKiosks) this.forgetEnded(now);
      window = { count: 0, start: now };
      this.windows.set(kioskId, window);
    }
    window.count += 1;
    if (window.count <= this.perMinute) return null;
    const retryAfter = Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
    reply.header('x-ratelimit-limit', this.perMinute).header('x-ratelimit-remaining', 0).header('x-ratelimit-reset', retryAfter).header('retry-after', retryAfter);
    return Object.assign(new Error(`Rate limit exceeded, retry in ${retryAfter} second${retryAfter === 1 ? '' : 's'}`), { statusCode: 429, code: 'rate-limited', name: 'RateLimitError' });
  }

  /** Memory stays bounded: ended windows go first, then the oldest if every one is still running. */
  private forgetEnded(now: number): void {
    for (const [kioskId, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(kioskId);
    if (this.windows.size >= this.maxKiosks) this.windows.delete(this.windows.keys().next().value!);
  }
}
