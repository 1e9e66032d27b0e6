import { defaultConfigValues, type ConfigValues } from '../../../src/core/index.js';
import { LdapDirectory } from '../../../src/directory/ldapDirectory.js';
import { ldapSettingsFrom, type LdapSettings } from '../../../src/directory/ldapSettings.js';
import { freePort } from '../../support/centralProcess.js';
import { SLAPD_PEOPLE, SLAPD_ROOT_DN, startTestSlapd, type TestSlapd } from '../../support/directorySlapd.js';

const PEOPLE = [
  { uid: 'ada', cn: 'Ada Lovelace', password: 'ada-pass', mail: 'ada@example.org', employeeNumber: '0047110815' },
  { uid: 'bob', cn: 'Bob Builder', password: 'bob-pass', mail: 'bob@example.org' },
];

function settings(slapd: { url: string }, overrides: Partial<Record<keyof ConfigValues, unknown>> = {}, bindPassword: string | null = null): LdapSettings {
  const config = { ...defaultConfigValues(), 'directory.ldap.url': slapd.url, 'directory.ldap.base-dn': SLAPD_PEOPLE, 'directory.ldap.card-attribute': 'employeeNumber', ...overrides } as ConfigValues;
  return ldapSettingsFrom(config, bindPassword)!;
}

describe('LDAP directory adapter against a private slapd', () => {
  let slapd: TestSlapd;
  beforeAll(async () => {
    slapd = await startTestSlapd(PEOPLE);
  });
  afterAll(async () => slapd?.stop());

  it('authenticates with search-then-bind and reads the mapped attributes', async () => {
    const result = await new LdapDirectory(settings(slapd)).authenticate('ada', 'ada-pass');
    expect(result).toEqual({
      ok: true,
      value: {
        person: { dn: `uid=ada,${SLAPD_PEOPLE}`, username: 'ada', displayName: 'Ada Lovelace', email: 'ada@example.org', cardNumber: '0047110815' },
        attributesRead: ['uid', 'cn', 'mail', 'employeeNumber'],
      },
    });
  });

  it('searches as the service account when directory.ldap.bind-dn is set', async () => {
    const directory = new LdapDirectory(settings(slapd, { 'directory.ldap.bind-dn': SLAPD_ROOT_DN }, 'directory-root-pass'));
    expect((await directory.authenticate('bob', 'bob-pass')).ok).toBe(true);
    const wrongService = new LdapDirectory(settings(slapd, { 'directory.ldap.bind-dn': SLAPD_ROOT_DN }, 'not-the-root-pass'));
    const refused = await wrongService.authenticate('bob', 'bob-pass');
    expect(refused).toMatchObject({ ok: false, error: { code: 'service-bind-failed' } });
    if (!refused.ok) expect(refused.error.message).not.toContain('not-the-root-pass');
    const missing = await new LdapDirectory(settings(slapd, { 'directory.ldap.bind-dn': SLAPD_ROOT_DN }, null)).lookup('bob');
    expect(missing).toMatchObject({ ok: false, error: { code: 'service-bind-failed', message: expect.stringContaining('--directory-bind-password-file') } });
  });

  it('refuses a wrong password and an unknown user', async () => {
    const directory = new LdapDirectory(settings(slapd));
    expect(await directory.authenticate('ada', 'bob-pass')).toMatchObject({ ok: false, error: { code: 'refused', message: 'Wrong username or password.' } });
    expect(await directory.authenticate('nobody', 'ada-pass')).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses an empty password before any bind (an unauthenticated bind is not a sign-in)', async () => {
    // slapd itself accepts a DN with an empty password as an anonymous bind; the adapter must not ask it.
    const result = await new LdapDirectory(settings(slapd)).authenticate('ada', '');
    expect(result).toEqual({ ok: false, error: { code: 'refused', message: 'A password is required.' } });
  });

  it('escapes filter metacharacters in the username (RFC 4515)', async () => {
    const directory = new LdapDirectory(settings(slapd));
    // Unescaped, (uid=*)(uid=*) would match everyone and bind as the first entry with ada's password.
    expect(await directory.authenticate('*)(uid=*', 'ada-pass')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await directory.authenticate('*', 'ada-pass')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await directory.lookup('ad*')).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('lists every person under the base DN with paging', async () => {
    const seen: number[] = [];
    const result = await new LdapDirectory(settings(slapd)).listPeople((n) => seen.push(n));
    expect(result.ok && result.value.map((p) => p.username).sort()).toEqual(['ada', 'bob']);
    expect(seen.at(-1)).toBe(2);
  });

  it('says clearly when the directory is down, and works again when it is back', async () => {
    const directory = new LdapDirectory(settings(slapd, { 'directory.ldap.timeout-seconds': 2 }));
    await slapd.pause();
    try {
      const down = await directory.authenticate('ada', 'ada-pass');
      expect(down).toMatchObject({ ok: false, error: { code: 'unreachable', message: expect.stringContaining(`The directory at ${slapd.url} cannot be reached (ECONNREFUSED)`) } });
    } finally {
      await slapd.resume();
    }
    expect((await directory.authenticate('ada', 'ada-pass')).ok).toBe(true);
  });

  it('times out against a server that accepts but never answers', async () => {
    const net = await import('node:net');
    const port = await freePort();
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', resolve));
    try {
      const result = await new LdapDirectory(settings({ url: `ldap://127.0.0.1:${port}` }, { 'directory.ldap.timeout-seconds': 1 })).authenticate('ada', 'ada-pass');
      expect(result).toMatchObject({ ok: false, error: { code: 'timeout', message: expect.stringContaining('did not answer in time') } });
    } finally {
      silent.close();
    }
  });

  it('names TLS as the problem when StartTLS is not offered', async () => {
    const result = await new LdapDirectory(settings(slapd, { 'directory.ldap.starttls': true })).authenticate('ada', 'ada-pass');
    expect(result).toMatchObject({ ok: false, error: { code: 'tls' } });
  });
});
