import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerStaticWebApp } from '../../../src/central/http/staticWebApp.js';
import { removeDir, tempDir } from '../../support/centralProcess.js';

/**
 * The generic single-page-app server of the central store (admin console at /admin/), on a real
 * Fastify instance and real files in a temp dir, answered through Fastify's request injection.
 */
describe('registerStaticWebApp', () => {
  let dir: string;
  let app: FastifyInstance;
  let empty: FastifyInstance;

  beforeAll(async () => {
    dir = await tempDir('bk-static-');
    await mkdir(path.join(dir, 'app', 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'app', 'index.html'), '<!doctype html><script type="module" src="/console/assets/index-AbCdEf12.js"></script>');
    await writeFile(path.join(dir, 'app', 'assets', 'index-AbCdEf12.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'app', 'robots.txt'), 'User-agent: *');
    await writeFile(path.join(dir, 'secret.txt'), 'outside the root');
    app = Fastify();
    registerStaticWebApp(app, { urlPrefix: '/console/', rootDir: path.join(dir, 'app') });
    empty = Fastify();
    registerStaticWebApp(empty, { urlPrefix: '/console', rootDir: path.join(dir, 'not-built') });
  });

  afterAll(async () => {
    await app?.close();
    await empty?.close();
    if (dir) await removeDir(dir);
  });

  it('answers every page path with index.html, not cached, under a strict CSP with nosniff and no referrer', async () => {
    for (const url of ['/console/', '/console/users/42', '/console/options/general?x=1']) {
      const answer = await app.inject({ method: 'GET', url });
      expect(answer.statusCode, url).toBe(200);
      expect(answer.body).toContain('<!doctype html>');
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.headers['content-security-policy']).toMatch(/script-src 'self';.*frame-ancestors 'none'/);
      expect(answer.headers['content-security-policy']).not.toMatch(/unsafe/);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
    }
    expect((await app.inject({ method: 'GET', url: '/console' })).headers.location).toBe('/console/');
  });

  it('caches hashed assets for a year as immutable, and other files not at all', async () => {
    const asset = await app.inject({ method: 'GET', url: '/console/assets/index-AbCdEf12.js' });
    expect([asset.statusCode, asset.headers['cache-control'], asset.headers['content-type']]).toEqual([200, 'public, max-age=31536000, immutable', 'text/javascript; charset=utf-8']);
    const head = await app.inject({ method: 'HEAD', url: '/console/assets/index-AbCdEf12.js' });
    expect(head.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/console/robots.txt' })).headers['cache-control']).toBe('no-cache');
  });

  it('never serves a file outside its folder, and a missing asset is a 404 rather than the app', async () => {
    for (const url of ['/console/../secret.txt', '/console/%2e%2e/secret.txt', '/console/..%2fsecret.txt', '/console/assets/%2e%2e%2f%2e%2e%2fsecret.txt']) {
      const answer = await app.inject({ method: 'GET', url });
      expect(answer.body, url).not.toContain('outside the root');
    }
    expect((await app.inject({ method: 'GET', url: '/console/assets/index-0000000000.js' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/console/%E0%A4%A' })).statusCode).toBe(400);
  });

  it('says the app is not built (503) when its folder has no index.html', async () => {
    const answer = await empty.inject({ method: 'GET', url: '/console/' });
    expect(answer.statusCode).toBe(503);
    expect(answer.json().error.message).toContain('npm run build');
  });
});
