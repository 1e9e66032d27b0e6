import type { FastifyRequest } from 'fastify';
import { bearerToken, bearerTokenHash } from './requestAuth.js';

/**
 * Requests per minute. Counters live in each process's memory: behind a load balancer each
 * central process enforces its own share.
 */
export interface RateLimits {
  /** Any route, per client address. */
  readonly globalPerMinute: number;
  /** Kiosk API, per kiosk token. */
  readonly kioskPerMinute: number;
  /** Enrollment code guesses, per client address. */
  readonly enrollPerMinute: number;
  /** Administrator password guesses, per client address. */
  readonly loginPerMinute: number;
  /** User web interface sign-ins (directory password or Card/ID + PIN), per client address. */
  readonly userSignInPerMinute: number;
  keyByBearer(request: FastifyRequest): string;
}

export function rateLimits(overrides: Partial<Omit<RateLimits, 'keyByBearer'>> = {}): RateLimits {
  return {
    globalPerMinute: 1200,
    kioskPerMinute: 1200,
    enrollPerMinute: 10,
    loginPerMinute: 10,
    userSignInPerMinute: 20,
    ...overrides,
    keyByBearer(request) {
      const token = bearerToken(request);
      return token ? `t:${bearerTokenHash(request, token).slice(0, 32)}` : `ip:${request.ip}`;
    },
  };
}
