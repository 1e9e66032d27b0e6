import { configKeyDefinition, defaultConfigValues, isConfigKeyName, shownConfigValue, validateConfigChange } from '../../core/index.js';
import { UsageError, type CliCommand } from '../cliCommand.js';
import { CLI_ACTOR, withCliKiosk } from '../cliKiosk.js';
import { configListText, configRows } from '../output/configOutput.js';
import { parseOptions } from '../parseOptions.js';
import { withChangeAuthority } from '../changeAuthority.js';

/** The registry's own refusal for a key it does not know (the same words `config set` gives). */
function unknownKey(name: string): string {
  const refusal = validateConfigChange(name, '', defaultConfigValues());
  return `${refusal.ok ? `Unknown configuration key ${name}.` : refusal.error}\n`;
}

export const configListCommand: CliCommand = {
  path: ['config', 'list'],
  summary: 'List every configuration key: value, default, range, description',
  usage: 'badgekiosk config list [--json]',
  async run(ctx, argv) {
    const { values } = parseOptions(argv, { json: { type: 'boolean' } });
    return withCliKiosk(ctx.dataDir, async (kiosk) => {
      const rows = configRows(kiosk.store.configValues());
      ctx.stdout.write(values.json ? JSON.stringify(rows) + '\n' : configListText(rows));
      return 0;
    });
  },
};

export const configGetCommand: CliCommand = {
  path: ['config', 'get'],
  summary: 'Print the value of one configuration key',
  usage: 'badgekiosk config get KEY',
  async run(ctx, argv) {
    const { positionals } = parseOptions(argv, {}, true);
    if (positionals.length !== 1) throw new UsageError('Give exactly one configuration key.');
    const name = positionals[0]!;
    if (!isConfigKeyName(name)) {
      ctx.stderr.write(unknownKey(name));
      return 1;
    }
    return withCliKiosk(ctx.dataDir, async (kiosk) => {
      ctx.stdout.write(`${String(shownConfigValue(configKeyDefinition(name), kiosk.store.configValues()[name]))}\n`);
      return 0;
    });
  },
};

export const configSetCommand: CliCommand = {
  path: ['config', 'set'],
  summary: 'Change one configuration key (refused with the allowed range when invalid)',
  usage: 'badgekiosk config set KEY VALUE',
  async run(ctx, argv) {
    const { positionals } = parseOptions(argv, {}, true);
    if (positionals.length !== 2) throw new UsageError('Give a configuration key and a value.');
    const [name, raw] = positionals as [string, string];
    return withChangeAuthority(ctx, async (authority) => {
      const result = authority.kind === 'local' ? authority.kiosk.store.setConfig(name, raw, CLI_ACTOR) : await authority.central.setConfig(name, raw);
      if (!result.ok) {
        ctx.stderr.write(`${result.error}\n`);
        return 1;
      }
      ctx.stdout.write(`${result.value.name} = ${String(shownConfigValue(configKeyDefinition(result.value.name), result.value.value))}\n`);
      return 0;
    }, 'configuration');
  },
};

export const configCommands: readonly CliCommand[] = [configListCommand, configGetCommand, configSetCommand];
