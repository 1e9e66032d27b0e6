import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorBody } from './errorReplies.js';

/**
 * Strict policy for the single-page apps the central store serves: scripts and styles from this
 * origin only (no inline script, no eval), no framing, API calls to this origin only.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Vite names built assets name-HASH.ext: their content never changes under that name. */
const HASHED_ASSET = /^assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

function securityHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .header('cross-origin-opener-policy', 'same-origin');
}

async function fileIn(rootDir: string, relative: string): Promise<string | null> {
  const full = path.resolve(rootDir, relative);
  // Never outside rootDir, whatever the URL says (../, encoded slashes).
  if (full !== rootDir && !full.startsWith(rootDir + path.sep)) return null;
  try {
    return (await stat(full)).isFile() ? full : null;
  } catch {
    return null;
  }
}

/**
 * Serves a built single-page app (Vite output) under urlPrefix: files as they are, any other path
 * without a file extension gets index.html (client-side routes). index.html is never cached, so a
 * new build is picked up at once; hashed assets are cached for a year, immutable.
 */
export function registerStaticWebApp(app: FastifyInstance, options: { readonly urlPrefix: string; readonly rootDir: string }): void {
  const prefix = options.urlPrefix.replace(/\/+$/, '');
  const rootDir = path.resolve(options.rootDir);
  const sendIndex = async (reply: FastifyReply) => {
    const index = await fileIn(rootDir, 'index.html');
    if (!index) return reply.code(503).send(errorBody('not-built', `This web app is not built (no ${path.join(rootDir, 'index.html')}): run npm run build.`));
    return securityHeaders(reply).header('cache-control', 'no-cache').type(TYPES['.html']!).send(await readFile(index));
  };
  app.get(prefix, { schema: { hide: true } }, async (_request, reply) => reply.redirect(`${prefix}/`));
  app.get(`${prefix}/*`, { schema: { hide: true } }, async (request, reply) => {
    let relative: string;
    try {
      relative = decodeURIComponent((request.params as { '*': string })['*'] ?? '');
    } catch {
      return reply.code(400).send(errorBody('invalid-input', 'Malformed URL.'));
    }
    if (relative === '' || relative === 'index.html') return sendIndex(reply);
    const file = await fileIn(rootDir, relative);
    if (!file) {
      if (path.extname(relative) === '') return sendIndex(reply);
      return securityHeaders(reply).code(404).send(errorBody('not-found', `No file ${relative}.`));
    }
    const cache = HASHED_ASSET.test(relative) ? 'public, max-age=31536000, immutable' : 'no-cache';
    return securityHeaders(reply)
      .header('cache-control', cache)
      .type(TYPES[path.extname(file)] ?? 'application/octet-stream')
      .send(await readFile(file));
  });
}
