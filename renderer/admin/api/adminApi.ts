import type { AdminError } from '../../../src/protocol/admin/adminSchemas.js';

/** Every call of the console goes to the admin API of the central store that served it. */
export const ADMIN_API = '/api/v1/admin';

/** A refusal of the admin API, carrying the server's own code and message (shown as they are). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
let sessionLost: () => void = () => undefined;

/** The CSRF token of the cookie session: every write carries it in x-csrf-token. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server answers 401 to a signed-in call: the session expired or was ended. */
export function onSessionLost(listener: () => void): void {
  sessionLost = listener;
}

export type Body = { readonly json: unknown } | { readonly csv: string };

export async function apiCall<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', route: string, body?: Body): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let payload: string | undefined;
  if (body && 'json' in body) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body.json);
  } else if (body) {
    headers['content-type'] = 'text/csv';
    payload = body.csv;
  }
  const response = await fetch(`${ADMIN_API}${route}`, { method, headers, credentials: 'same-origin', ...(payload === undefined ? {} : { body: payload }) });
  if (response.status === 204) return undefined as T;
  const parsed: unknown = await response.json().catch(() => null);
  if (response.ok) return parsed as T;
  const error = (parsed as Partial<AdminError> | null)?.error;
  if (response.status === 401 && route !== '/session') sessionLost();
  throw new ApiError(response.status, error?.code ?? 'http-' + response.status, error?.message ?? response.statusText, parsed);
}

/** Query string of the defined values only. */
export function queryString(params: Readonly<Record<string, string | number | undefined>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
