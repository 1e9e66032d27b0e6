import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { DomainError } from '../../core/index.js';

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly details?: Readonly<Record<string, string | number | boolean>> };
}

export function errorBody(code: string, message: string, details?: Readonly<Record<string, string | number | boolean>>): ErrorBody {
  return { error: details ? { code, message, details } : { code, message } };
}

/** HTTP status for a domain refusal: the answer says what was wrong, the status what kind of wrong. */
export function statusOf(error: DomainError): 400 | 404 | 409 | 422 | 423 {
  switch (error.code) {
    case 'not-found':
      return 404;
    case 'conflict':
    case 'card-in-use':
      return 409;
    case 'locked-out':
      return 423;
    case 'invalid-input':
    case 'invalid-card-number':
    case 'pin-policy':
    case 'pin-mismatch':
      return 400;
    default:
      return 422;
  }
}

export function sendDomainError(reply: FastifyReply, error: DomainError): FastifyReply {
  return reply.code(statusOf(error)).send(errorBody(error.code, error.message, error.details));
}

/**
 * Every failure leaves as `{ error: { code, message } }`: schema violations name the field and
 * the rule, oversized and malformed bodies say so, and internal errors say nothing more.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'request';
      const issues = error.validation.map((v) => `${where}${v.instancePath === '/' ? '' : v.instancePath.replace(/\//g, '.')}: ${v.message}`);
      return reply.code(400).send(errorBody('invalid-input', `Invalid ${where}: ${issues.join('; ')}`));
    }
    if (isResponseSerializationError(error as never)) {
      request.log.error({ err: error }, 'response does not match its schema');
      return reply.code(500).send(errorBody('internal', 'Internal error.'));
    }
    const status = error.statusCode ?? 500;
    if (status === 429) return reply.code(429).send(errorBody('rate-limited', error.message));
    if (status >= 400 && status < 500) {
      const code = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'too-large' : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported-media-type' : 'invalid-input';
      return reply.code(status).send(errorBody(code, error.message));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send(errorBody('internal', 'Internal error.'));
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send(errorBody('not-found', `No route ${request.method} ${request.url.split('?')[0]}.`)));
}
