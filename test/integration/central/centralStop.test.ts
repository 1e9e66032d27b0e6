import httpClient from 'node:http';
import { adminLogin, freePort, startCentralProcess, startCentralWithAdmin, type CentralWithAdmin } from '../../support/centralProcess.js';
import { answerOf } from '../../support/importUnderLoad.js';

// SIGTERM (a service manager's stop) must end the central store even while a client is still
// sending a request body, and leave nothing of that request behind.
describe('central store stop', () => {
  let site: CentralWithAdmin;

  beforeAll(async () => {
    site = await startCentralWithAdmin('bk-stop-');
  });

  afterAll(async () => {
    await site?.close();
  });

  it('stops within its grace period while an import upload is half sent, and imports none of it', { timeout: 60_000 }, async () => {
    const { central, admin } = site;
    const url = new URL('/api/v1/admin/users/import', central.url);
    const request = httpClient.request({
      host: url.hostname, port: url.port, path: url.pathname, method: 'POST',
      headers: { 'content-type': 'text/csv', 'content-length': String(10 * 1024 * 1024), cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    });
    const answer = answerOf(request).catch((error: Error) => ({ status: 0, body: error.message }));
    request.write('username,name,email,primary_card,secondary_card,pin\nhalfway,Half Way,,57000001,,\n');
    await new Promise((resolve) => setTimeout(resolve, 500));

    const started = Date.now();
    const code = await central.stop();
    const tookMs = Date.now() - started;
    request.destroy();
    await answer;
    expect(code).toBe(0);
    // The grace period is 5 s; the request's own 30 s timeout is what ended the stop before.
    expect(tookMs).toBeLessThan(20_000);
    expect(central.output()).toContain('badgekiosk central store stopped');

    const again = await startCentralProcess({ dataDir: site.dir, db: site.db, port: await freePort() });
    try {
      const session = await adminLogin(again.url);
      const found = await session.call('GET', '/api/v1/admin/users?search=halfway');
      expect(found.status).toBe(200);
      expect(found.body.users).toEqual([]);
    } finally {
      await again.stop();
    }
  });
});
