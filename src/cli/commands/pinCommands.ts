import type { CliCommand } from '../cliCommand.js';
import { withStandaloneKiosk } from '../changeAuthority.js';
import { CREDENTIAL_OPTIONS, CREDENTIAL_USAGE, credentialFrom } from '../credentialOptions.js';
import { parseOptions, requireOption } from '../parseOptions.js';
import { resolvePins } from '../pinInput.js';
import { printRefusal, signIn } from '../signIn.js';

export const pinChangeCommand: CliCommand = {
  path: ['pin', 'change'],
  summary: "Change a user's PIN (current PIN required; the PIN policy applies)",
  usage: `badgekiosk pin change ${CREDENTIAL_USAGE} --pin OLD --new-pin NEW`,
  async run(ctx, argv) {
    const { values } = parseOptions(argv, { ...CREDENTIAL_OPTIONS, pin: { type: 'string' }, 'new-pin': { type: 'string' } });
    const credential = credentialFrom(values);
    const [pin, newPin] = (await resolvePins(ctx, [
      { value: requireOption(values.pin, '--pin'), prompt: 'Current PIN' },
      { value: requireOption(values['new-pin'], '--new-pin'), prompt: 'New PIN' },
    ])) as [string, string];
    return withStandaloneKiosk(ctx, async (kiosk) => {
      const session = await signIn(ctx, kiosk, credential, pin);
      if (!session) return 1;
      const result = await (await kiosk.selfService()).changePin(session.user.id, pin, newPin, newPin);
      if (!result.ok) return printRefusal(ctx, result.error);
      ctx.stdout.write('PIN changed.\n');
      return 0;
    });
  },
};

export const pinSetCommand: CliCommand = {
  path: ['pin', 'set'],
  summary: 'First login: set the PIN of a user who has none yet (the PIN policy applies)',
  usage: `badgekiosk pin set ${CREDENTIAL_USAGE} --new-pin NEW`,
  async run(ctx, argv) {
    const { values } = parseOptions(argv, { ...CREDENTIAL_OPTIONS, 'new-pin': { type: 'string' } });
    const credential = credentialFrom(values);
    const [newPin] = (await resolvePins(ctx, [{ value: requireOption(values['new-pin'], '--new-pin'), prompt: 'New PIN' }])) as [string];
    return withStandaloneKiosk(ctx, async (kiosk) => {
      const result = await (await kiosk.selfService()).setFirstPin(credential, newPin, newPin);
      if (!result.ok) return printRefusal(ctx, result.error);
      ctx.stdout.write(`PIN set for ${result.value.user.username}.\n`);
      return 0;
    });
  },
};

export const pinCommands: readonly CliCommand[] = [pinChangeCommand, pinSetCommand];
