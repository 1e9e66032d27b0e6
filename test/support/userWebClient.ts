import { http, type HttpAnswer } from './centralProcess.js';

/** A User web interface session over real HTTP: the bk_user cookie and its CSRF token. */
export interface UserWebSession {
  readonly cookie: string;
  readonly csrfToken: string;
  call<T = any>(method: string, route: string, body?: unknown, headers?: Record<string, string>): Promise<HttpAnswer<T>>;
}

export type UserSignInBody = { method: 'directory'; username: string; password: string } | { method: 'card'; cardNumber: string; pin: string };

export async function userSignIn(baseUrl: string, body: UserSignInBody): Promise<{ answer: HttpAnswer; session: UserWebSession | null }> {
  const answer = await http(`${baseUrl}/api/v1/user/session`, 'POST', body);
  if (answer.status !== 200) return { answer, session: null };
  const cookie = answer.headers.get('set-cookie')!.split(';')[0]!;
  const csrfToken = answer.body.csrfToken as string;
  return {
    answer,
    session: {
      cookie,
      csrfToken,
      call: (method, route, b, headers = {}) => http(`${baseUrl}${route}`, method, b, { cookie, 'x-csrf-token': csrfToken, ...headers }),
    },
  };
}
