import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorBody } from './errorReplies.js';

/**
 * Serves a built single-page app (Vite output) under a URL prefix: files from rootDir, read-only,
 * never outside it; any other path under the prefix gets index.html (the app routes in the
 * browser). The files hold no data (the app asks the API, which needs a session), so serving them
 * without a session reveals nothing.
 */
export function registerStaticWebApp(app: FastifyInstance, options: { readonly urlPrefix: string; readonly rootDir: string }): void {
  const prefix = options.urlPrefix.endsWith('/') ? options.urlPrefix : `${options.urlPrefix}/`;
  const root = path.resolve(options.rootDir);

  app.get(prefix.slice(0, -1), { schema: { hide: true } }, async (_request, reply) => reply.redirect(prefix, 308));
  app.get(`${prefix}*`, { schema: { hide: true } }, async (request, reply) => {
    securityHeaders(reply);
    const relative = decodeSafely((request.params as { '*': string })['*']);
    if (relative === null) return reply.code(400).send(errorBody('invalid-input', 'Malformed path.'));
    const file = path.resolve(root, relative);
    if (file !== root && !file.startsWith(root + path.sep)) return reply.code(404).send(errorBody('not-found', 'No such file.'));
    if (relative !== '' && (await isFile(file))) return sendFile(reply, file, cacheControlFor(relative));
    // A missing asset is a 404, not the app: a stale page asking for an old chunk must see the error.
    if (path.extname(relative) !== '') return reply.code(404).send(errorBody('not-found', 'No such file.'));
    const index = path.join(root, 'index.html');
    if (!(await isFile(index))) {
      return reply.code(503).send(errorBody('not-built', `This web app is not built (${index} is missing): run npm run build.`));
    }
    return sendFile(reply, index, 'no-cache');
  });
}

/**
 * No inline script or style, no eval, no framing, requests to this origin only: an injected
 * string can neither run nor phone home, and no other site can frame the page to steal clicks.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function securityHeaders(reply: FastifyReply): void {
  reply
    .header('content-security-policy', WEB_APP_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .header('cross-origin-opener-policy', 'same-origin');
}

/** Vite names bundled files with a content hash under assets/: such a name never changes content. */
function cacheControlFor(relative: string): string {
  return /^assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(relative) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function sendFile(reply: FastifyReply, file: string, cacheControl: string): FastifyReply {
  return reply
    .header('content-type', CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream')
    .header('cache-control', cacheControl)
    .send(createReadStream(file));
}

function decodeSafely(text: string): string | null {
  try {
    const decoded = decodeURIComponent(text);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
