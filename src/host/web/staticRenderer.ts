import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { RENDERER_CONTENT_TYPES, rendererCsp } from '../rendererPolicy.js';

/** The socket on this exact origin besides the page's own. */
export function webModeCsp(origin: string): string {
  return rendererCsp(`'self' ${origin.replace(/^http/, 'ws')}`);
}

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>badgekiosk</title></head>
<body><h1>The kiosk screens are not built</h1><p>Run <code>npm run build</code> and reload this page.</p></body></html>`;

function securityHeaders(res: ServerResponse, origin: string): void {
  res.setHeader('Content-Security-Policy', webModeCsp(origin));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

/** Serves the built renderer (dist/renderer/kiosk) read-only: GET/HEAD, files inside the folder only. */
export function serveRenderer(rendererDir: string, origin: string, req: IncomingMessage, res: ServerResponse): void {
  securityHeaders(res, origin);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const pathname = decodeURIComponentSafe(new URL(req.url ?? '/', origin).pathname);
  if (pathname === '/favicon.ico') {
    // Browsers ask for it on their own; an empty answer keeps the console free of a 404.
    res.writeHead(204).end();
    return;
  }
  const root = path.resolve(rendererDir);
  const wanted = pathname === null ? null : path.resolve(root, '.' + (pathname === '/' ? '/index.html' : pathname));
  if (wanted === null || (wanted !== root && !wanted.startsWith(root + path.sep))) {
    res.writeHead(404).end();
    return;
  }
  if (!existsSync(wanted) || !statSync(wanted).isFile()) {
    if (pathname === '/' || pathname === '/index.html') {
      res.writeHead(200, { 'Content-Type': RENDERER_CONTENT_TYPES['.html'], 'Cache-Control': 'no-store' }).end(NOT_BUILT);
      return;
    }
    res.writeHead(404).end();
    return;
  }
  const type = RENDERER_CONTENT_TYPES[path.extname(wanted)] ?? 'application/octet-stream';
  const cache = path.basename(wanted) === 'index.html' ? 'no-store' : 'max-age=3600';
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': cache });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(wanted).pipe(res);
}

function decodeURIComponentSafe(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
