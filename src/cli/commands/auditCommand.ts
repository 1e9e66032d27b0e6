import type { CliCommand } from '../cliCommand.js';
import { withCliKiosk } from '../cliKiosk.js';
import { auditHeader, auditLine } from '../output/auditOutput.js';
import { parseOptions } from '../parseOptions.js';
import { UsageError } from '../cliCommand.js';

export const auditCommand: CliCommand = {
  path: ['audit'],
  summary: 'Show the audit log, newest first (it never holds a PIN or hash)',
  usage: 'badgekiosk audit [--json] [--user USERNAME] [--limit N]',
  async run(ctx, argv) {
    const { values } = parseOptions(argv, { json: { type: 'boolean' }, user: { type: 'string' }, limit: { type: 'string' } });
    let limit: number | undefined;
    if (values.limit !== undefined) {
      if (!/^[1-9]\d{0,8}$/.test(values.limit)) throw new UsageError('--limit needs a positive whole number.');
      limit = Number(values.limit);
    }
    if (values.user === '') throw new UsageError('--user needs a username.');
    return withCliKiosk(ctx.dataDir, async (kiosk) => {
      const events = kiosk.store.uow.repos.audit.query({
        ...(values.user === undefined ? {} : { username: values.user }),
        ...(limit === undefined ? {} : { limit }),
      });
      if (values.json) ctx.stdout.write(JSON.stringify(events) + '\n');
      else ctx.stdout.write([auditHeader(), ...events.map(auditLine)].join('\n') + '\n');
      return 0;
    });
  },
};
