import type { FastifyRequest } from 'fastify';

/**
 * Keeps the names of query parameters and drops their values: admin searches carry Card/ID
 * numbers, usernames and emails in the query string, and those must not reach an info log
 * (issue 11, finding 11). Paths are kept whole; no route puts a secret in its path.
 */
export function redactQueryValues(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const names = url
    .slice(query + 1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => `${pair.split('=')[0]}=[redacted]`);
  return `${url.slice(0, query)}?${names.join('&')}`;
}

/** pino's `req` serializer for the central store: Fastify's default fields, the URL's query values redacted. */
export function serializeRequestForLog(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: redactQueryValues(request.url),
    hostname: request.hostname,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
