import type { CliCommand } from '../cliCommand.js';

/** `badgekiosk start`: the newcomer's start. Until the kiosk app lands it explains what exists. */
export const startCommand: CliCommand = {
  path: ['start'],
  summary: 'Start the kiosk (embedded default: local central store, demo users)',
  usage: 'badgekiosk start [--web] [--no-browser]',
  async run(ctx) {
    ctx.stdout.write('badgekiosk: the touchscreen kiosk is not built yet; run `badgekiosk help` for the commands.\n');
    return 0;
  },
};
