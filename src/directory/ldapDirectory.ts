import { InvalidCredentialsError, type Client, type Entry } from 'ldapts';
import {
  directoryError,
  everyUserFilter,
  ok,
  userFilterFor,
  type Directory,
  type DirectoryAuthentication,
  type DirectoryError,
  type DirectoryPerson,
  type DirectoryProgress,
  type Result,
} from '../core/index.js';
import { LdapOpenError, openLdapClient, type LdapConnections } from './ldapConnections.js';
import { describeLdapFailure } from './ldapErrors.js';
import type { LdapSettings } from './ldapSettings.js';

const PAGE_SIZE = 500;

const missingBindPassword = () =>
  directoryError('service-bind-failed', 'directory.ldap.bind-dn is set but the central store was started without --directory-bind-password-file.');

function firstValue(entry: Entry, attribute: string): string | null {
  const key = Object.keys(entry).find((name) => name.toLowerCase() === attribute.toLowerCase());
  if (key === undefined) return null;
  const value = entry[key];
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return null;
  return Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
}

/**
 * The directory port on ldapts. Without `connections` each operation opens its own connection
 * (StartTLS first when asked), binds as the service account (or searches anonymously), and closes
 * it (the CLI, sync). A central process passes the connections it keeps (ldapConnections.ts), so a
 * sign-in is one search on a service-bound connection and one bind on a bind-only one.
 */
export class LdapDirectory implements Directory {
  constructor(
    private readonly settings: LdapSettings,
    private readonly connections?: LdapConnections,
  ) {}

  private attributes(): string[] {
    const s = this.settings;
    return [s.usernameAttribute, s.nameAttribute, s.emailAttribute, ...(s.cardAttribute ? [s.cardAttribute] : [])];
  }

  private toPerson(entry: Entry, username: string | null): DirectoryPerson | null {
    const s = this.settings;
    // The directory's spelling of the username wins over the typed one (case, or a filter on mail).
    const name = firstValue(entry, s.usernameAttribute) ?? username;
    if (name === null || name === '') return null;
    return {
      dn: entry.dn,
      username: name,
      displayName: firstValue(entry, s.nameAttribute) ?? name,
      email: firstValue(entry, s.emailAttribute) ?? '',
      cardNumber: s.cardAttribute ? firstValue(entry, s.cardAttribute) : null,
    };
  }

  private attributesRead(entry: Entry): string[] {
    return this.attributes().filter((attribute) => firstValue(entry, attribute) !== null);
  }

  /** Runs fn on a connected, service-bound client; every failure becomes a DirectoryError. */
  private async withClient<T>(fn: (client: Client) => Promise<Result<T, DirectoryError>>): Promise<Result<T, DirectoryError>> {
    const s = this.settings;
    const client = openLdapClient(s);
    let step: 'connect' | 'starttls' | 'service-bind' | 'search' = 'connect';
    try {
      if (s.startTls) {
        step = 'starttls';
        await client.startTLS(s.tls ?? {});
      }
      step = 'service-bind';
      if (s.bindDn !== '') {
        if (!s.bindPassword) return missingBindPassword();
        await client.bind(s.bindDn, s.bindPassword);
      }
      step = 'search';
      return await fn(client);
    } catch (error) {
      return { ok: false, error: describeLdapFailure(error, s.url, step) };
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }

  private async findEntry(client: Client, username: string): Promise<Result<Entry, DirectoryError>> {
    const s = this.settings;
    const { searchEntries } = await client.search(s.baseDn, {
      scope: 'sub',
      filter: userFilterFor(s.userFilter, username),
      attributes: this.attributes(),
      sizeLimit: 2,
      timeLimit: Math.ceil(s.timeoutMs / 1000),
    });
    if (searchEntries.length === 0) return directoryError('not-found', 'No such user in the directory.');
    if (searchEntries.length > 1) return directoryError('ambiguous', 'More than one directory entry matches this username: check directory.ldap.user-filter.');
    return ok(searchEntries[0]!);
  }

  async lookup(username: string): Promise<Result<DirectoryAuthentication, DirectoryError>> {
    if (username === '') return directoryError('not-found', 'No username given.');
    return this.withClient(async (client) => {
      const found = await this.findEntry(client, username);
      if (!found.ok) return found;
      const person = this.toPerson(found.value, username);
      return person ? ok({ person, attributesRead: this.attributesRead(found.value) }) : directoryError('not-found', 'No such user in the directory.');
    });
  }

  async authenticate(username: string, password: string): Promise<Result<DirectoryAuthentication, DirectoryError>> {
    // An LDAP bind with a DN and an empty password is an "unauthenticated bind" that many servers
    // accept: it must never count as a sign-in, so it never reaches the directory.
    if (password === '') return directoryError('refused', 'A password is required.');
    if (username === '') return directoryError('not-found', 'No username given.');
    if (this.connections) return this.authenticateOnKept(this.connections, username, password);
    return this.withClient(async (client) => {
      const found = await this.findEntry(client, username);
      if (!found.ok) return found;
      try {
        await client.bind(found.value.dn, password);
      } catch (error) {
        if (error instanceof InvalidCredentialsError) return directoryError('refused', 'Wrong username or password.');
        throw error;
      }
      const person = this.toPerson(found.value, username);
      return person ? ok({ person, attributesRead: this.attributesRead(found.value) }) : directoryError('not-found', 'No such user in the directory.');
    });
  }

  private async authenticateOnKept(connections: LdapConnections, username: string, password: string): Promise<Result<DirectoryAuthentication, DirectoryError>> {
    const s = this.settings;
    if (s.bindDn !== '' && !s.bindPassword) return missingBindPassword();
    try {
      const found = await connections.search((client) => this.findEntry(client, username));
      if (!found.ok) return found;
      try {
        await connections.bind((client) => client.bind(found.value.dn, password));
      } catch (error) {
        if (error instanceof InvalidCredentialsError) return directoryError('refused', 'Wrong username or password.');
        throw error;
      }
      const person = this.toPerson(found.value, username);
      return person ? ok({ person, attributesRead: this.attributesRead(found.value) }) : directoryError('not-found', 'No such user in the directory.');
    } catch (error) {
      return { ok: false, error: error instanceof LdapOpenError ? describeLdapFailure(error.cause, s.url, error.step) : describeLdapFailure(error, s.url, 'search') };
    }
  }

  async listPeople(onProgress?: DirectoryProgress): Promise<Result<readonly DirectoryPerson[], DirectoryError>> {
    const s = this.settings;
    return this.withClient(async (client) => {
      const people: DirectoryPerson[] = [];
      const pages = client.searchPaginated(s.baseDn, {
        scope: 'sub',
        filter: everyUserFilter(s.userFilter),
        attributes: this.attributes(),
        paged: { pageSize: PAGE_SIZE },
      });
      for await (const page of pages) {
        for (const entry of page.searchEntries) {
          const person = this.toPerson(entry, null);
          if (person) people.push(person);
        }
        onProgress?.(people.length);
      }
      return ok(people);
    });
  }
}
