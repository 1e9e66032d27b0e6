import httpClient, { type ClientRequest } from 'node:http';
import { adminLogin, freePort, http, startCentralProcess, startCentralWithAdmin, type AdminSession, type CentralProcess, type CentralWithAdmin } from '../../support/centralProcess.js';
import { answerOf } from '../../support/importUnderLoad.js';
import { enrollBareKiosk, openLiveChannel } from '../../support/liveChannelClient.js';

// Issue 11, findings 2 and 11, on a real central process: who asks is checked before a byte of a
// body is read or validated, and CSV imports run one at a time.
interface OpenUpload {
  readonly request: ClientRequest;
  /** Resolves with the status and body text as soon as the server answers, body sent or not. */
  readonly answer: Promise<{ status: number; body: string }>;
}

/** Starts a POST announcing `declaredBytes` of CSV and sends only its first line. */
function openUpload(baseUrl: string, path: string, declaredBytes: number, headers: Record<string, string> = {}): OpenUpload {
  const url = new URL(path, baseUrl);
  const request = httpClient.request({
    host: url.hostname, port: url.port, path: url.pathname, method: 'POST',
    headers: { 'content-type': 'text/csv', 'content-length': String(declaredBytes), ...headers },
  });
  const answer = answerOf(request);
  request.write('username,name,email,primary_card,secondary_card,pin\n');
  return { request, answer };
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer ${what} within ${ms} ms`)), ms))]);
}

describe('requests are authenticated before their bodies are read (issue 11)', () => {
  let site: CentralWithAdmin;
  let central: CentralProcess;
  let admin: AdminSession;

  beforeAll(async () => {
    site = await startCentralWithAdmin('bk-guards-');
    ({ central, admin } = site);
  });

  afterAll(async () => {
    await site?.close();
  });

  it('an anonymous 30 MiB import is refused with 401 while its body is still unsent (finding 2)', async () => {
    const upload = openUpload(central.url, '/api/v1/admin/users/import', 30 * 1024 * 1024);
    const answer = await within(upload.answer, 10_000, 'before the body was sent');
    upload.request.destroy();
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('anonymous callers get 401, never the schema\'s detailed complaints (finding 11)', async () => {
    const user = await http(`${central.url}/api/v1/admin/users`, 'POST', { username: 42, pin: ['x'] });
    expect(user.status).toBe(401);
    expect(JSON.stringify(user.body)).not.toMatch(/username|pin|expected/i);
    const commands = await http(`${central.url}/api/v1/kiosk/commands`, 'POST', { commands: 'nope' });
    expect(commands.status).toBe(401);
    expect(JSON.stringify(commands.body)).not.toMatch(/commands|expected/i);
  });

  it('a second import while one is running is refused with 429 and a reason; the first completes (finding 2)', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `gate${i},Gate ${i},,${55_000_000 + i},,`).join('\n') + '\n';
    const header = 'username,name,email,primary_card,secondary_card,pin\n';
    const auth = { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken };
    const first = openUpload(central.url, '/api/v1/admin/users/import', Buffer.byteLength(header + rows), auth);
    // The first upload holds its slot while its body is on the way.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = await admin.call('POST', '/api/v1/admin/users/import', header + 'other,Other,,55999999,,\n');
    expect(second.status).toBe(429);
    expect(second.body).toMatchObject({ error: { code: 'import-busy', message: expect.stringMatching(/Another user import is running/) } });
    first.request.end(rows);
    const done = await within(first.answer, 30_000, 'for the first import');
    expect(done.status).toBe(200);
    expect(JSON.parse(done.body)).toEqual({ imported: 50, withPin: 0 });
    const third = await admin.call('POST', '/api/v1/admin/users/import', header + 'other,Other,,55999999,,\n');
    expect(third.status).toBe(200);
  });

  it('the info log names query parameters but never their values: no Card/ID number from an admin search (finding 11)', async () => {
    const logged = await startCentralProcess({ dataDir: site.dir, db: site.db, port: await freePort(), logLevel: 'info' });
    try {
      const session = await adminLogin(logged.url);
      expect((await session.call('GET', '/api/v1/admin/users?search=0012345678&limit=5')).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(logged.output()).toContain('/api/v1/admin/users?search=[redacted]&limit=[redacted]');
      expect(logged.output()).not.toContain('0012345678');
    } finally {
      await logged.stop();
    }
  });

  it('the OpenAPI document is rate-limited like any anonymous route (finding 11)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await fetch(`${central.url}/api/v1/openapi.json`)).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('an import file that is not UTF-8 is refused, naming the fix, and nothing is imported (finding 10)', async () => {
    const latin1 = Buffer.concat([Buffer.from('username,name,email,primary_card,secondary_card,pin\nchloe,Chlo'), Buffer.from([0xeb]), Buffer.from(',,56000001,,\n')]);
    const response = await fetch(`${central.url}/api/v1/admin/users/import`, {
      method: 'POST', body: latin1, headers: { 'content-type': 'text/csv', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { message: expect.stringMatching(/not UTF-8 text/) } });
    expect((await admin.call('GET', '/api/v1/admin/users?search=chloe')).body.users).toEqual([]);
  });

  it('a kiosk token holds at most three live channels: a fourth closes the oldest (issue 10, item 5)', async () => {
    const kiosk = await enrollBareKiosk(admin, central.url, 'many-streams');
    const channels = [];
    for (let i = 0; i < 4; i++) channels.push(await openLiveChannel(central.url, kiosk.token));
    try {
      expect(await channels[0]!.endedWithin(2_000)).toBe(true);
      expect(await channels[3]!.endedWithin(300)).toBe(false);
      expect(await channels[1]!.endedWithin(100)).toBe(false);
    } finally {
      for (const channel of channels) channel.close();
    }
  });

  it('a revoked kiosk is refused on the next request although its token was cached, and its live channel ends (issue 10, item 4)', async () => {
    const kiosk = await enrollBareKiosk(admin, central.url, 'revoked-here');
    for (let i = 0; i < 3; i++) expect((await kiosk.client.changes(0, 1)).hasMore).toBeTypeOf('boolean');
    const live = await openLiveChannel(central.url, kiosk.token);
    expect((await admin.call('POST', `/api/v1/admin/kiosks/${kiosk.kioskId}/revoke`)).status).toBe(200);
    expect((await http(`${central.url}/api/v1/kiosk/changes?after=0`, 'GET', undefined, { authorization: `Bearer ${kiosk.token}` })).status).toBe(401);
    expect(await live.endedWithin(2_000)).toBe(true);
  });
});
