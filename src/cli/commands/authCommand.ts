import type { CliCommand } from '../cliCommand.js';
import { withCliKiosk } from '../cliKiosk.js';
import { CREDENTIAL_OPTIONS, CREDENTIAL_USAGE, credentialFrom } from '../credentialOptions.js';
import { parseOptions, requireOption } from '../parseOptions.js';
import { resolvePins } from '../pinInput.js';

export const authCommand: CliCommand = {
  path: ['auth'],
  summary: 'Check a Card/ID number and PIN as the kiosk would; prints a JSON result',
  usage: `badgekiosk auth ${CREDENTIAL_USAGE} --pin P`,
  async run(ctx, argv) {
    const { values } = parseOptions(argv, { ...CREDENTIAL_OPTIONS, pin: { type: 'string' } });
    const credential = credentialFrom(values);
    const [pin] = (await resolvePins(ctx, [{ value: requireOption(values.pin, '--pin'), prompt: 'PIN' }])) as [string];
    return withCliKiosk(ctx.dataDir, async (kiosk) => {
      const result = await (await kiosk.selfService()).authenticate(credential, pin);
      const answer = result.ok
        ? { ok: true, user: result.value.user.username }
        : { ok: false, code: result.error.code, message: result.error.message };
      ctx.stdout.write(JSON.stringify(answer) + '\n');
      return result.ok ? 0 : 1;
    });
  },
};
