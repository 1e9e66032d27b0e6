import { CONFIG_KEYS, escapeLdapFilterValue, everyUserFilter, isCentralOnlyKey, isUserFilterTemplate, parseKeyValue, userFilterFor } from '../../../src/core/index.js';

describe('LDAP filter values (RFC 4515)', () => {
  it('escapes *, (, ), backslash and NUL as a backslash and two hex digits', () => {
    expect(escapeLdapFilterValue('*)(uid=*')).toBe('\\2a\\29\\28uid=\\2a');
    expect(escapeLdapFilterValue('a\\b\u0000c')).toBe('a\\5cb\\00c');
    expect(escapeLdapFilterValue('ada.lovelace-1')).toBe('ada.lovelace-1');
  });

  it('fills every {username} of the template with the escaped username', () => {
    expect(userFilterFor('(|(uid={username})(mail={username}))', 'a*')).toBe('(|(uid=a\\2a)(mail=a\\2a))');
    expect(everyUserFilter('(&(objectClass=person)(uid={username}))')).toBe('(&(objectClass=person)(uid=*))');
  });

  it('accepts only parenthesised, balanced templates naming {username}', () => {
    expect(isUserFilterTemplate('(uid={username})')).toBe(true);
    expect(isUserFilterTemplate('(&(objectClass=inetOrgPerson)(uid={username}))')).toBe(true);
    expect(isUserFilterTemplate('uid={username}')).toBe(false);
    expect(isUserFilterTemplate('(uid=ada)')).toBe(false);
    expect(isUserFilterTemplate('(uid={username}))(')).toBe(false);
    expect(isUserFilterTemplate('(uid={username})(cn=x)')).toBe(false);
  });
});

describe('directory configuration keys', () => {
  it('refuses a URL that is not ldap:// or ldaps://, naming the key and what is allowed', () => {
    const refused = parseKeyValue(CONFIG_KEYS['directory.ldap.url'], 'http://ldap.example.org');
    expect(refused).toEqual({ ok: false, error: expect.stringContaining('Invalid value "http://ldap.example.org" for directory.ldap.url: expected an ldap:// or ldaps:// URL') });
    expect(parseKeyValue(CONFIG_KEYS['directory.ldap.url'], 'ldaps://ldap.example.org:636')).toEqual({ ok: true, value: 'ldaps://ldap.example.org:636' });
    expect(parseKeyValue(CONFIG_KEYS['directory.ldap.user-filter'], 'uid=x').ok).toBe(false);
  });

  it('has the defaults of issue 14 and keeps directory settings off the kiosks', () => {
    expect(CONFIG_KEYS['directory.ldap.user-filter'].default).toBe('(uid={username})');
    expect(CONFIG_KEYS['directory.ldap.name-attribute'].default).toBe('cn');
    expect(CONFIG_KEYS['directory.ldap.email-attribute'].default).toBe('mail');
    expect(CONFIG_KEYS['directory.create-users-on-login'].default).toBe(true);
    expect(CONFIG_KEYS['user-web.allow-card-pin-sign-in'].default).toBe(true);
    expect(CONFIG_KEYS['card-id.self-association'].default).toBe(false);
    expect(isCentralOnlyKey('directory.ldap.url')).toBe(true);
    expect(isCentralOnlyKey('card-id.self-association')).toBe(false);
  });
});
