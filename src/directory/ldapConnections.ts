import { Client, InvalidCredentialsError, ResultCodeError } from 'ldapts';
import type { LdapSettings } from './ldapSettings.js';

export type LdapStep = 'connect' | 'starttls' | 'service-bind' | 'search';

/** Opening a connection failed at this step (for describeLdapFailure's message). */
export class LdapOpenError extends Error {
  override readonly name = 'LdapOpenError';
  constructor(readonly step: LdapStep, override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** Servers drop idle connections after minutes; closing ours first avoids meeting a dead one. */
const IDLE_CLOSE_MS = 30_000;

export function openLdapClient(settings: LdapSettings): Client {
  return new Client({
    url: settings.url,
    timeout: settings.timeoutMs,
    connectTimeout: settings.timeoutMs,
    strictDN: false,
    ...(settings.tls ? { tlsOptions: settings.tls } : {}),
  });
}

/**
 * One connection, used by one operation at a time (LDAP allows one bind in flight per connection),
 * opened on demand (StartTLS, then the service bind when asked) and dropped after any failure but a
 * refused password, or after a while idle. An operation that fails on a kept connection for a
 * reason that is not an LDAP answer (the server closed it meanwhile) runs once more on a new one.
 */
class LdapLane {
  private client: Client | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private idle: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly settings: LdapSettings,
    private readonly serviceBind: boolean,
  ) {}

  run<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    const next = this.tail.then(() => this.attempt(fn, true));
    this.tail = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.tail;
    await this.drop();
  }

  private async attempt<T>(fn: (client: Client) => Promise<T>, mayRetry: boolean): Promise<T> {
    if (this.idle) clearTimeout(this.idle);
    if (this.client && !this.client.isConnected) await this.drop();
    const reused = this.client !== null;
    const client = this.client ?? (this.client = await this.open());
    try {
      return await fn(client);
    } catch (error) {
      if (error instanceof InvalidCredentialsError) throw error;
      await this.drop();
      if (reused && mayRetry && !(error instanceof ResultCodeError)) return this.attempt(fn, false);
      throw error;
    } finally {
      this.armIdle();
    }
  }

  private async open(): Promise<Client> {
    const s = this.settings;
    const client = openLdapClient(s);
    let step: LdapStep = 'connect';
    try {
      if (s.startTls) {
        step = 'starttls';
        await client.startTLS(s.tls ?? {});
      }
      if (this.serviceBind && s.bindDn !== '') {
        step = 'service-bind';
        await client.bind(s.bindDn, s.bindPassword ?? '');
      }
      return client;
    } catch (error) {
      await client.unbind().catch(() => undefined);
      throw new LdapOpenError(step, error);
    }
  }

  private armIdle(): void {
    if (this.idle) clearTimeout(this.idle);
    if (!this.client) return;
    this.idle = setTimeout(() => {
      this.idle = null;
      // In the queue, so an operation already waiting gets a fresh connection rather than a closing one.
      const dropped = this.tail.then(() => this.drop());
      this.tail = dropped.catch(() => undefined);
    }, IDLE_CLOSE_MS);
    this.idle.unref();
  }

  private async drop(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.unbind().catch(() => undefined);
  }
}

/**
 * The connections a central process keeps to its directory for sign-ins (issue 14's bench: a new
 * connection, StartTLS and service bind per sign-in cost more than the search and bind themselves).
 * Searches run on a service-bound connection; users' password binds on a second one that is never
 * used to read anything, so no user's identity ever serves a search, and a refused bind leaves it
 * anonymous. A sign-in is then two round trips to the directory.
 */
export class LdapConnections {
  private readonly searchLane: LdapLane;
  private readonly bindLane: LdapLane;

  constructor(settings: LdapSettings) {
    this.searchLane = new LdapLane(settings, true);
    this.bindLane = new LdapLane(settings, false);
  }

  search<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    return this.searchLane.run(fn);
  }

  bind<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    return this.bindLane.run(fn);
  }

  async close(): Promise<void> {
    await Promise.all([this.searchLane.close(), this.bindLane.close()]);
  }
}
