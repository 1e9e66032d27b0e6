import { defaultConfigValues, type ConfigValues } from '../../../src/core/index.js';
import { keptLdapDirectoryFactory, type KeptDirectoryFactory } from '../../../src/directory/directoryFactory.js';
import { SLAPD_PEOPLE, SLAPD_ROOT_DN, startTestSlapd, type TestSlapd } from '../../support/directorySlapd.js';

const ROOT_PASSWORD = 'directory-root-pass';
const PEOPLE = [
  { uid: 'ada', cn: 'Ada Lovelace', password: 'ada-pass' },
  { uid: 'bob', cn: 'Bob Builder', password: 'bob-pass' },
  { uid: 'carol', cn: 'Carol Shaw', password: 'carol-pass' },
];

/**
 * The connections a central store keeps for sign-ins (a service-bound search connection and a
 * bind-only one), against a private slapd: the answers must be exactly those of a connection per
 * sign-in, whatever came before on the same connections, and a dead connection is replaced.
 */
describe('kept LDAP connections for sign-ins', () => {
  let slapd: TestSlapd;
  let factory: KeptDirectoryFactory;
  const config = (overrides: Partial<Record<keyof ConfigValues, unknown>> = {}) =>
    ({ ...defaultConfigValues(), 'directory.ldap.url': slapd.url, 'directory.ldap.base-dn': SLAPD_PEOPLE, 'directory.ldap.bind-dn': SLAPD_ROOT_DN, ...overrides }) as ConfigValues;
  const authenticate = (username: string, password: string, overrides = {}) => factory(config(overrides))!.authenticate(username, password);

  beforeAll(async () => {
    slapd = await startTestSlapd(PEOPLE);
    factory = keptLdapDirectoryFactory(ROOT_PASSWORD);
  });
  afterAll(async () => {
    await factory?.close();
    await slapd?.stop();
  });

  it('a refused password on the bind connection does not let the next user in, nor keep the right one out', async () => {
    expect(await authenticate('ada', 'bob-pass')).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await authenticate('bob', 'ada-pass')).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await authenticate('ada', 'ada-pass')).toMatchObject({ ok: true, value: { person: { username: 'ada' } } });
    expect(await authenticate('bob', '')).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await authenticate('*)(uid=*', 'ada-pass')).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('sign-ins at the same moment each get their own answer', async () => {
    const attempts = Array.from({ length: 12 }, (_, i) => {
      const person = PEOPLE[i % PEOPLE.length]!;
      const right = i % 2 === 0;
      return { username: person.uid, password: right ? person.password : `${person.password}-wrong`, right };
    });
    const answers = await Promise.all(attempts.map((a) => authenticate(a.username, a.password)));
    answers.forEach((answer, i) => {
      expect(answer.ok, `${attempts[i]!.username} ${attempts[i]!.right ? 'right' : 'wrong'}`).toBe(attempts[i]!.right);
      if (answer.ok) expect(answer.value.person.username).toBe(attempts[i]!.username);
    });
  });

  it('says the directory is down while it is, and signs in again on new connections when it is back', async () => {
    expect((await authenticate('carol', 'carol-pass')).ok).toBe(true);
    await slapd.pause();
    expect(await authenticate('carol', 'carol-pass')).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    await slapd.resume();
    expect(await authenticate('carol', 'carol-pass')).toMatchObject({ ok: true, value: { person: { username: 'carol' } } });
  });

  it('a kept connection the server dropped is replaced without a refusal', async () => {
    expect((await authenticate('ada', 'ada-pass')).ok).toBe(true);
    await slapd.pause();
    await slapd.resume();
    expect(await authenticate('ada', 'ada-pass')).toMatchObject({ ok: true, value: { person: { username: 'ada' } } });
  });

  it('changed connection settings take effect at once (a wrong service password is named)', async () => {
    const refused = await authenticate('ada', 'ada-pass', { 'directory.ldap.bind-dn': `cn=nobody,${SLAPD_PEOPLE}` });
    expect(refused).toMatchObject({ ok: false, error: { code: 'service-bind-failed' } });
    expect((await authenticate('ada', 'ada-pass')).ok).toBe(true);
  });
});
