import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { CHANGES_PAGE, type changesQuerySchema } from '../../protocol/index.js';

type ChangesQuery = z.output<typeof changesQuerySchema>;

/** Digits a safe integer always fits in (z.number().int() refuses beyond Number.MAX_SAFE_INTEGER). */
const DIGITS = /^\d{1,15}$/;

/**
 * The `changes` query: a kiosk's own poll (`after`, perhaps `limit`, both plain digits in range)
 * is read as it is, without zod's coercion and checks on every idle pull (issue 10); any other
 * query goes to the zod schema, which coerces it or says what is wrong, exactly as before.
 */
export const changesQueryValidator = <S>(route: Parameters<FastifySchemaCompiler<S>>[0]): ReturnType<FastifySchemaCompiler<S>> => {
  const bySchema = validatorCompiler(route as unknown as Parameters<typeof validatorCompiler>[0]);
  if (route.httpPart !== 'querystring') return bySchema;
  return (query) => {
    const value = plainPoll(query);
    return value ? { value } : bySchema(query);
  };
};

/** The query as zod would answer it, when it is a plain poll; otherwise null. */
export function plainPoll(query: unknown): ChangesQuery | null {
  if (typeof query !== 'object' || query === null) return null;
  const { after, limit } = query as Record<string, unknown>;
  let names = 0;
  for (const name in query) names += name === 'after' || name === 'limit' ? 1 : 100;
  if (names !== (limit === undefined ? 1 : 2) || typeof after !== 'string' || !DIGITS.test(after)) return null;
  if (limit === undefined) return { after: Number(after), limit: CHANGES_PAGE.default };
  if (typeof limit !== 'string' || !DIGITS.test(limit)) return null;
  const size = Number(limit);
  return size >= 1 && size <= CHANGES_PAGE.max ? { after: Number(after), limit: size } : null;
}
