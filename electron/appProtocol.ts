import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { RENDERER_CONTENT_TYPES } from '../src/host/rendererPolicy.js';
import { APP_HOST, APP_SCHEME, KIOSK_CSP, OUT_OF_SERVICE_CSP } from './kioskLockdown.js';
import { OUT_OF_SERVICE_HTML } from './outOfServicePage.js';

/** `app://kiosk/…` is a standard, secure origin of its own: no file:// access, a real same-origin policy. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, stream: false, bypassCSP: false },
};

function page(status: number, body: string, type = 'text/html; charset=utf-8', csp = KIOSK_CSP): Response {
  return new Response(body, { status, headers: { 'Content-Type': type, 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' } });
}

/** Answers app://kiosk/<file> from the built renderer folder, and nothing outside it. */
export async function answerAppRequest(rendererDir: string, requestUrl: string): Promise<Response> {
  const url = new URL(requestUrl);
  if (url.host !== APP_HOST) return page(404, 'Not found', 'text/plain');
  if (url.pathname === '/__out-of-service') return page(200, OUT_OF_SERVICE_HTML, 'text/html; charset=utf-8', OUT_OF_SERVICE_CSP);
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return page(400, 'Bad path', 'text/plain');
  }
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, '.' + (pathname === '/' ? '/index.html' : pathname));
  if (!file.startsWith(root + path.sep)) return page(404, 'Not found', 'text/plain');
  try {
    const body = await readFile(file);
    return new Response(body, {
      headers: {
        'Content-Type': RENDERER_CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': KIOSK_CSP,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch {
    return page(404, 'Not found', 'text/plain');
  }
}

export function serveAppScheme(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(rendererDir, request.url));
}
