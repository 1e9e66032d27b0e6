import type { z } from 'zod';
import {
  changesResponseSchema,
  commandOutcomePath,
  commandResultSchema,
  commandsResponseSchema,
  enrollResponseSchema,
  errorResponseSchema,
  KIOSK_API,
  KIOSK_VERSION_HEADER,
  type ChangesResponse,
  type CommandResult,
  type CommandsRequest,
} from '../protocol/index.js';

/**
 * Why a call to the central store failed: `unreachable` (network, timeout, 5xx: try again later),
 * `unauthorized` (token revoked or unknown: retrying will not help), `refused` (4xx with a reason).
 */
export class CentralCallError extends Error {
  override readonly name = 'CentralCallError';
  constructor(
    readonly kind: 'unreachable' | 'unauthorized' | 'refused',
    message: string,
    readonly status: number | null = null,
    readonly code: string | null = null,
    /**
     * False only when the request certainly never reached the central store (connection refused,
     * host unknown, rate-limited): then nothing was applied. A timeout, a cut connection or a 5xx
     * may come after the central store committed, so the kiosk must ask for the outcome.
     */
    readonly mayHaveArrived: boolean = true,
  ) {
    super(message);
  }
}

export type FetchLike = typeof fetch;

export interface CentralHttpOptions {
  readonly baseUrl: string;
  readonly token?: string;
  readonly version?: string;
  readonly fetch?: FetchLike;
  readonly timeoutMs?: number;
}

export function normalizeCentralUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Not a URL: ${JSON.stringify(url)} (expected http(s)://host:port).`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`The central store URL must start with https:// or http://, got ${parsed.protocol}`);
  return parsed.origin;
}

/** The kiosk API of the central store, each answer checked against the shared schemas. */
export class CentralHttpClient {
  private readonly fetch: FetchLike;
  private readonly baseUrl: string;

  constructor(private readonly options: CentralHttpOptions) {
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.baseUrl = normalizeCentralUrl(options.baseUrl);
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return {
      ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
      ...(this.options.version ? { [KIOSK_VERSION_HEADER]: this.options.version } : {}),
      ...extra,
    };
  }

  url(path: string): string {
    return this.baseUrl + path;
  }

  async enroll(code: string): Promise<z.infer<typeof enrollResponseSchema>> {
    return this.call('POST', KIOSK_API.enroll, enrollResponseSchema, { code, ...(this.options.version ? { version: this.options.version } : {}) });
  }

  async changes(after: number, limit: number): Promise<ChangesResponse> {
    return this.call('GET', `${KIOSK_API.changes}?after=${after}&limit=${limit}`, changesResponseSchema);
  }

  async push(commands: CommandsRequest['commands'], timeoutMs?: number): Promise<CommandResult[]> {
    const answer = await this.call('POST', KIOSK_API.commands, commandsResponseSchema, { commands }, timeoutMs);
    return answer.results;
  }

  /** The answer the central store gave to this kiosk's command `key`, or null when it never received one. */
  async commandOutcome(key: string, timeoutMs?: number): Promise<CommandResult | null> {
    try {
      return await this.call('GET', commandOutcomePath(key), commandResultSchema, undefined, timeoutMs);
    } catch (error) {
      if (error instanceof CentralCallError && error.kind === 'refused' && error.status === 404) return null;
      throw error;
    }
  }

  private async call<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown, timeoutMs?: number): Promise<z.infer<S>> {
    let response: Response;
    try {
      response = await this.fetch(this.url(path), {
        method,
        headers: this.headers(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs ?? this.options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new CentralCallError('unreachable', `The central store at ${this.baseUrl} cannot be reached (${describe(error)}).`, null, null, !neverSent(error));
    }
    let payload: unknown;
    try {
      payload = await response.json();
    } catch (error) {
      throw new CentralCallError('unreachable', `The central store answered ${response.status} with no readable body (${describe(error)}).`, response.status);
    }
    if (response.ok) {
      const parsed = schema.safeParse(payload);
      if (!parsed.success) throw new CentralCallError('unreachable', `The central store's answer to ${method} ${path.split('?')[0]} does not match the protocol.`, response.status);
      return parsed.data;
    }
    const error = errorResponseSchema.safeParse(payload);
    const message = error.success ? error.data.error.message : `HTTP ${response.status}`;
    const code = error.success ? error.data.error.code : null;
    if (response.status === 401) throw new CentralCallError('unauthorized', message, 401, code);
    if (response.status >= 500 || response.status === 429) {
      throw new CentralCallError('unreachable', `The central store is unavailable: ${message}`, response.status, code, response.status !== 429);
    }
    throw new CentralCallError('refused', message, response.status, code);
  }
}

/** Connection errors raised before a byte of the request could leave this machine. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function neverSent(error: unknown): boolean {
  const cause = error instanceof Error ? (error as Error & { cause?: { code?: string } }).cause : undefined;
  return cause?.code !== undefined && NOT_SENT_CODES.has(cause.code);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause;
    return cause?.code ?? (error.name === 'TimeoutError' ? 'timed out' : error.message);
  }
  return String(error);
}
