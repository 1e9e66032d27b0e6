import type { CliCommand } from '../cliCommand.js';
import { withStandaloneKiosk } from '../changeAuthority.js';
import { CREDENTIAL_OPTIONS, CREDENTIAL_USAGE, credentialFrom } from '../credentialOptions.js';
import { parseOptions, requireOption } from '../parseOptions.js';
import { resolvePins } from '../pinInput.js';
import { printRefusal, signIn } from '../signIn.js';

export const cardRegenerateCommand: CliCommand = {
  path: ['card', 'regenerate'],
  summary: 'Generate a new random Card/ID number for the configured field; prints it',
  usage: `badgekiosk card regenerate ${CREDENTIAL_USAGE} --pin P`,
  async run(ctx, argv) {
    const { values } = parseOptions(argv, { ...CREDENTIAL_OPTIONS, pin: { type: 'string' } });
    const credential = credentialFrom(values);
    const [pin] = (await resolvePins(ctx, [{ value: requireOption(values.pin, '--pin'), prompt: 'PIN' }])) as [string];
    return withStandaloneKiosk(ctx, async (kiosk) => {
      const session = await signIn(ctx, kiosk, credential, pin);
      if (!session) return 1;
      const result = await (await kiosk.selfService()).regenerateCard(session.user.id);
      if (!result.ok) return printRefusal(ctx, result.error);
      // Only the number on stdout, so scripts can capture it.
      ctx.stdout.write(`${result.value.cardNumber}\n`);
      return 0;
    });
  },
};

export const cardSetCommand: CliCommand = {
  path: ['card', 'set'],
  summary: 'Type a new Card/ID number for the configured field (when manual entry is allowed)',
  usage: `badgekiosk card set ${CREDENTIAL_USAGE} --pin P --new-card N`,
  async run(ctx, argv) {
    const { values } = parseOptions(argv, { ...CREDENTIAL_OPTIONS, pin: { type: 'string' }, 'new-card': { type: 'string' } });
    const credential = credentialFrom(values);
    const [pin] = (await resolvePins(ctx, [{ value: requireOption(values.pin, '--pin'), prompt: 'PIN' }])) as [string];
    const newCard = requireOption(values['new-card'], '--new-card');
    return withStandaloneKiosk(ctx, async (kiosk) => {
      const session = await signIn(ctx, kiosk, credential, pin);
      if (!session) return 1;
      const result = await (await kiosk.selfService()).setCard(session.user.id, newCard);
      if (!result.ok) return printRefusal(ctx, result.error);
      ctx.stdout.write(`${result.value.field} Card/ID number is now ${result.value.cardNumber}.\n`);
      return 0;
    });
  },
};

export const cardCommands: readonly CliCommand[] = [cardRegenerateCommand, cardSetCommand];
