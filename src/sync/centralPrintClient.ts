import type { z } from 'zod';
import { err, ok, printUnavailable, type KioskPrint, type PrintRefusal, type Result } from '../core/index.js';
import { errorResponseSchema } from '../protocol/index.js';
import { heldJobsResponseSchema, jobActionResponseSchema } from '../protocol/printProtocol.js';
import type { CentralHttpClient, FetchLike } from './centralHttpClient.js';

/**
 * Print release of an enrolled kiosk, through its central store's kiosk API. Every failure to get
 * an answer (network, timeout, 5xx, an answer off the protocol) is "Printing is unavailable right
 * now" with the reason for the technician log, so PIN and Card/ID flows never wait on printing.
 */
export function centralKioskPrint(client: CentralHttpClient, options: { readonly fetch?: FetchLike; readonly timeoutMs?: number } = {}): KioskPrint {
  const fetcher = options.fetch ?? globalThis.fetch.bind(globalThis);
  const call = async <S extends z.ZodType>(method: 'GET' | 'POST', path: string, schema: S, body?: unknown): Promise<Result<z.infer<S>, PrintRefusal>> => {
    let response: Response;
    let payload: unknown;
    try {
      response = await fetcher(client.url(path), {
        method,
        headers: client.headers(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
      payload = await response.json();
    } catch (error) {
      return err(printUnavailable(`the central store at ${client.url('')} cannot be reached (${error instanceof Error ? error.message : String(error)})`));
    }
    if (response.ok) {
      const parsed = schema.safeParse(payload);
      return parsed.success ? ok(parsed.data) : err(printUnavailable(`the central store's answer to ${path} does not match the protocol`));
    }
    const refusal = errorResponseSchema.safeParse(payload);
    if (refusal.success && refusal.data.error.code === 'print-not-configured') {
      return err({ code: 'print-not-configured', message: refusal.data.error.message, command: String(refusal.data.error.details?.['command'] ?? '') });
    }
    return err(printUnavailable(`the central store answered ${response.status}${refusal.success ? `: ${refusal.data.error.message}` : ''}`));
  };
  const action = (kind: 'release' | 'delete') => async (user: { id: string }, selection: { all: true } | { jobIds: readonly number[] }) => {
    const answer = await call('POST', `/api/v1/kiosk/print/${kind}`, jobActionResponseSchema, { userId: user.id, selection: 'all' in selection ? { all: true } : { jobIds: [...selection.jobIds] } });
    return answer.ok ? ok({ outcomes: answer.value.outcomes, condition: answer.value.printer, printer: answer.value.queue }) : answer;
  };
  return {
    async list(user) {
      const answer = await call('GET', `/api/v1/kiosk/print/jobs?userId=${encodeURIComponent(user.id)}`, heldJobsResponseSchema);
      return answer.ok ? ok({ jobs: answer.value.jobs, printer: answer.value.printer.queue }) : answer;
    },
    release: action('release'),
    delete: action('delete'),
  };
}
