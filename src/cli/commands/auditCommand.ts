import type { CliCommand } from '../cliCommand.js';
import { auditHeader, auditLine, fromCentralAudit, mergeAudit } from '../output/auditOutput.js';
import { parseOptions } from '../parseOptions.js';
import { UsageError } from '../cliCommand.js';
import { withReadSource } from '../readSource.js';

export const auditCommand: CliCommand = {
  path: ['audit'],
  summary: "Show the audit log, newest first: the kiosk's and, enrolled with the embedded central store, that store's (never a PIN or hash)",
  usage: 'badgekiosk audit [--json] [--user USERNAME] [--limit N]',
  async run(ctx, argv) {
    const { values } = parseOptions(argv, { json: { type: 'boolean' }, user: { type: 'string' }, limit: { type: 'string' } });
    let limit: number | undefined;
    if (values.limit !== undefined) {
      if (!/^[1-9]\d{0,8}$/.test(values.limit)) throw new UsageError('--limit needs a positive whole number.');
      limit = Number(values.limit);
    }
    if (values.user === '') throw new UsageError('--user needs a username.');
    const query = { ...(values.user === undefined ? {} : { username: values.user }), ...(limit === undefined ? {} : { limit }) };
    // The CLI's own user and configuration changes land in the embedded central store when the
    // kiosk is enrolled with it (changeAuthority.ts): without its audit they would be missing here.
    return withReadSource(ctx, async (source, kiosk) => {
      const events = mergeAudit(kiosk.store.uow.repos.audit.query(query), (await source.centralAudit(query)).map(fromCentralAudit), limit);
      if (values.json) ctx.stdout.write(JSON.stringify(events) + '\n');
      else ctx.stdout.write([auditHeader(), ...events.map(auditLine)].join('\n') + '\n');
      return 0;
    });
  },
};
