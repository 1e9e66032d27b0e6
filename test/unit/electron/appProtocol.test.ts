import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APP_SCHEME_PRIVILEGES, answerAppRequest } from '../../../electron/appProtocol.js';
import { KIOSK_CSP, OUT_OF_SERVICE_CSP } from '../../../electron/kioskLockdown.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'badgekiosk-app-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>kiosk</title>');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('app:// scheme', () => {
  it('is a standard, secure scheme that does not bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, stream: false, bypassCSP: false },
    });
  });

  it('serves the renderer with the kiosk CSP', async () => {
    const res = await answerAppRequest(dir, 'app://kiosk/index.html');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>kiosk</title>');
    expect(res.headers.get('content-security-policy')).toBe(KIOSK_CSP);
    expect((await answerAppRequest(dir, 'app://kiosk/')).status).toBe(200);
  });

  it('serves nothing outside the renderer folder or for another host', async () => {
    expect((await answerAppRequest(dir, 'app://kiosk/%2e%2e%2f%2e%2e%2fetc%2fpasswd')).status).toBe(404);
    expect((await answerAppRequest(dir, 'app://kiosk/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await answerAppRequest(dir, 'app://other/index.html')).status).toBe(404);
    expect((await answerAppRequest(dir, 'app://kiosk/missing.js')).status).toBe(404);
  });

  it('has a script-free out-of-service page in every kiosk language', async () => {
    const res = await answerAppRequest(dir, 'app://kiosk/__out-of-service');
    const html = await res.text();
    expect(res.headers.get('content-security-policy')).toBe(OUT_OF_SERVICE_CSP);
    expect(OUT_OF_SERVICE_CSP).toContain("default-src 'none'");
    expect(html).not.toContain('<script');
    expect(html).toContain('Out of service');
    expect(html).toContain('außer Betrieb');
    expect(html).toContain('hors service');
  });
});
