import type { z } from 'zod';
import {
  USER_WEB_CSRF_HEADER,
  userCardChangedSchema,
  userErrorSchema,
  userSessionSchema,
  userSummarySchema,
  userWebOptionsSchema,
  type UserCardChanged,
  type UserSession,
  type UserSignIn,
  type UserSummary,
  type UserWebOptions,
} from '../../../src/protocol/userWeb.js';

/** A refusal as the server sent it (code, message, details), or a transport problem. */
export interface ApiProblem {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, string | number | boolean>>;
}

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: ApiProblem };

async function call<T>(method: string, route: string, schema: z.ZodType<T> | null, options: { body?: unknown; csrf?: string } = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(`/api/v1/user/${route}`, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.csrf ? { [USER_WEB_CSRF_HEADER]: options.csrf } : {}),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
  } catch {
    return { ok: false, problem: { status: 0, code: 'network', message: 'The server cannot be reached.' } };
  }
  const text = await response.text();
  const json: unknown = text === '' ? null : JSON.parse(text);
  if (!response.ok) {
    const parsed = userErrorSchema.safeParse(json);
    const error = parsed.success ? parsed.data.error : { code: 'internal', message: `HTTP ${response.status}` };
    return { ok: false, problem: { status: response.status, ...error } };
  }
  if (schema === null) return { ok: true, value: undefined as T };
  return { ok: true, value: schema.parse(json) };
}

export const userApi = {
  options: (): Promise<ApiResult<UserWebOptions>> => call('GET', 'options', userWebOptionsSchema),
  session: (): Promise<ApiResult<UserSession>> => call('GET', 'session', userSessionSchema),
  signIn: (body: UserSignIn): Promise<ApiResult<UserSession>> => call('POST', 'session', userSessionSchema, { body }),
  signOut: (csrf: string): Promise<ApiResult<void>> => call('DELETE', 'session', null, { csrf }),
  summary: (): Promise<ApiResult<UserSummary>> => call('GET', 'summary', userSummarySchema),
  changePin: (csrf: string, body: { currentPin?: string; newPin: string; confirmPin: string }): Promise<ApiResult<void>> => call('POST', 'pin', null, { body, csrf }),
  changeCard: (csrf: string, manualNumber: string | null): Promise<ApiResult<UserCardChanged>> => call('POST', 'card', userCardChangedSchema, { body: { manualNumber }, csrf }),
};
