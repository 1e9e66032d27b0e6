import {
  auditEvent,
  err,
  ok,
  type AuditEvent,
  type Clock,
  type PrintServerSetup,
  type RandomSource,
  type ReleasePrinter,
  type Result,
} from '../core/index.js';
import type { Actor, KioskStore } from './kioskStore.js';

interface ServerRow {
  name: string;
  url: string;
  follow_me: string;
  has_credentials: number;
}

const fromRow = (row: ServerRow): PrintServerSetup => ({
  name: row.name,
  url: row.url,
  followMeQueues: JSON.parse(row.follow_me) as string[],
  hasCredentials: row.has_credentials === 1,
});

/**
 * Print servers and this kiosk's release printer in the kiosk's own store (a standalone kiosk is
 * its own authority), plus the expiry sweep's memory. Every change is one transaction with its
 * audit row (`print.server`, `print.printer`); refusals change nothing and name what was wrong.
 */
export class SqlitePrintSetup {
  private readonly selectAll;
  private readonly selectOne;
  private readonly insertServer;
  private readonly deleteServer;
  private readonly selectPrinter;
  private readonly upsertPrinter;
  private readonly insertExpired;
  private readonly selectExpired;

  constructor(
    private readonly store: KioskStore,
    private readonly clock: Clock,
    private readonly random: RandomSource,
  ) {
    const db = store.db;
    this.selectAll = db.prepare<[], ServerRow>('SELECT name, url, follow_me, has_credentials FROM print_servers ORDER BY name');
    this.selectOne = db.prepare<[string], ServerRow>('SELECT name, url, follow_me, has_credentials FROM print_servers WHERE name = ?');
    this.insertServer = db.prepare('INSERT INTO print_servers (name, url, follow_me, has_credentials, created_at) VALUES (?, ?, ?, ?, ?)');
    this.deleteServer = db.prepare('DELETE FROM print_servers WHERE name = ?');
    this.selectPrinter = db.prepare<[], { server: string; queue: string }>('SELECT server, queue FROM release_printer WHERE id = 1');
    this.upsertPrinter = db.prepare(
      'INSERT INTO release_printer (id, server, queue) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET server = excluded.server, queue = excluded.queue',
    );
    this.selectExpired = db.prepare<[string, number], { one: number }>('SELECT 1 AS one FROM print_expired WHERE server = ? AND job_id = ?');
    this.insertExpired = db.prepare('INSERT OR IGNORE INTO print_expired (server, job_id, expired_at) VALUES (?, ?, ?)');
  }

  servers(): readonly PrintServerSetup[] {
    return this.selectAll.all().map(fromRow);
  }

  server(name: string): PrintServerSetup | undefined {
    const row = this.selectOne.get(name);
    return row ? fromRow(row) : undefined;
  }

  addServer(setup: PrintServerSetup, actor: Actor): Result<PrintServerSetup, string> {
    return this.store.uow.transaction((repos) => {
      if (this.selectOne.get(setup.name)) return err(`A print server named "${setup.name}" already exists; remove it first to change it.`);
      this.insertServer.run(setup.name, setup.url, JSON.stringify(setup.followMeQueues), setup.hasCredentials ? 1 : 0, this.clock.now());
      repos.audit.append(this.event('print.server', actor, { action: 'add', server: setup.name, url: setup.url, followMe: setup.followMeQueues.join(','), credentials: setup.hasCredentials }));
      return ok(setup);
    });
  }

  removeServer(name: string, actor: Actor): Result<PrintServerSetup, string> {
    return this.store.uow.transaction((repos) => {
      const row = this.selectOne.get(name);
      if (!row) return err(`No print server "${name}".`);
      const printer = this.selectPrinter.get();
      if (printer?.server === name) return err(`Print server "${name}" holds this kiosk's release printer ${printer.server}/${printer.queue}; set another release printer first.`);
      this.deleteServer.run(name);
      repos.audit.append(this.event('print.server', actor, { action: 'remove', server: name }));
      return ok(fromRow(row));
    });
  }

  releasePrinter(): ReleasePrinter | undefined {
    return this.selectPrinter.get();
  }

  setReleasePrinter(printer: ReleasePrinter, actor: Actor): Result<ReleasePrinter, string> {
    return this.store.uow.transaction((repos) => {
      if (!this.selectOne.get(printer.server)) return err(`No print server "${printer.server}": add it with \`badgekiosk print server add\` first.`);
      this.upsertPrinter.run(printer.server, printer.queue);
      repos.audit.append(this.event('print.printer', actor, { server: printer.server, queue: printer.queue }));
      return ok(printer);
    });
  }

  /**
   * Records an expired job with its audit row; false (and nothing written) when this job was
   * expired before, so a sweep that runs again, or after a restart, never audits it twice.
   */
  recordExpired(server: string, jobId: number, audit: AuditEvent): boolean {
    return this.store.uow.transaction((repos) => {
      if (this.insertExpired.run(server, jobId, this.clock.now()).changes === 0) return false;
      repos.audit.append(audit);
      return true;
    });
  }

  wasExpired(server: string, jobId: number): boolean {
    return this.selectExpired.get(server, jobId) !== undefined;
  }

  private event(kind: 'print.server' | 'print.printer', actor: Actor, details: Readonly<Record<string, string | boolean>>): AuditEvent {
    return auditEvent({
      id: this.random.uuid(),
      at: this.clock.now(),
      kind,
      outcome: 'success',
      kioskId: actor.kioskId ?? null,
      details: { ...details, by: actor.username ?? 'local' },
    });
  }
}
