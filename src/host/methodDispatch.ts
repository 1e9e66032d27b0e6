import type { z } from 'zod';
import { KIOSK_METHODS, contractError, isMethodName, type ContractResult, type MethodInput, type MethodName, type MethodOutput } from '../contract/index.js';
import type { Logger } from 'pino';
import { loggableName } from './hostLogger.js';

export type MethodHandlers = { readonly [M in MethodName]: (input: MethodInput<M>) => Promise<ContractResult<MethodOutput<M>>> };

/** Which schema rule failed where, never the offending value (it may be a PIN). */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(payload)'}: ${issue.message}`)
    .join('; ');
}

/**
 * The one entry point of every transport (Electron IPC, WebSocket): unknown methods and payloads
 * that fail their schema are refused with an error value and logged; a handler that throws is
 * logged and answered `internal`. Nothing here logs an input.
 */
export async function dispatchMethod(
  handlers: MethodHandlers,
  logger: Logger,
  caller: string,
  method: unknown,
  input: unknown,
): Promise<ContractResult<unknown>> {
  if (!isMethodName(method)) {
    logger.warn({ caller, method: loggableName(method) }, 'refused a call to an unknown method');
    return { ok: false, error: contractError('unknown-method', `The kiosk has no method ${loggableName(method)}.`) };
  }
  const parsed = KIOSK_METHODS[method].input.safeParse(input ?? {});
  if (!parsed.success) {
    const issues = describeIssues(parsed.error.issues);
    logger.warn({ caller, method, issues }, 'refused a malformed payload');
    return { ok: false, error: contractError('bad-request', `Malformed ${method} payload: ${issues}`, { method, issues }) };
  }
  try {
    const handler = handlers[method] as (input: unknown) => Promise<ContractResult<unknown>>;
    const result = await handler(parsed.data);
    logger.debug({ caller, method, ok: result.ok, code: result.ok ? undefined : result.error.code }, 'call');
    return result;
  } catch (error) {
    logger.error({ caller, method, err: error }, 'a kiosk call failed');
    return { ok: false, error: contractError('internal', 'The kiosk hit an internal error; please try again.') };
  }
}
