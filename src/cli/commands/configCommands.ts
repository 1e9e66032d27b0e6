import { configKeyDefinition, defaultConfigValues, isConfigKeyName, shownConfigValue, validateConfigChange } from '../../core/index.js';
import { UsageError, type CliCommand } from '../cliCommand.js';
import { CLI_ACTOR } from '../cliKiosk.js';
import { withReadSource } from '../readSource.js';
import { changedConfigKeys, configListText, configRows } from '../output/configOutput.js';
import { closestConfigKey } from '../configKeySuggestion.js';
import { parseOptions } from '../parseOptions.js';
import { withChangeAuthority } from '../changeAuthority.js';

/** The registry's own refusal for a key it does not know, with the key it most likely meant. */
function unknownKey(name: string): string {
  const refusal = validateConfigChange(name, '', defaultConfigValues());
  const suggestion = closestConfigKey(name);
  return `${refusal.ok ? `Unknown configuration key ${name}.` : refusal.error}${suggestion ? ` Did you mean ${suggestion}?` : ''}\n`;
}

/**
 * `config set KEY VALUE` takes no options, so a value such as -1 is a value, not an unknown
 * option (it is then refused, or not, by the key's own range). `--` is accepted before them.
 */
function keyAndValue(argv: readonly string[]): [string, string] {
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  if (args.length !== 2 || args[0]!.startsWith('-')) throw new UsageError('Give a configuration key and a value.');
  return [args[0]!, args[1]!];
}

export const configListCommand: CliCommand = {
  path: ['config', 'list'],
  summary: 'List every configuration key: value, default, range, description',
  usage: 'badgekiosk config list [--json]',
  async run(ctx, argv) {
    const { values } = parseOptions(argv, { json: { type: 'boolean' } });
    return withReadSource(ctx, async (source) => {
      const current = await source.configValues();
      const rows = configRows(current);
      ctx.stdout.write(values.json ? JSON.stringify(rows) + '\n' : configListText(rows, changedConfigKeys(current)));
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
    return withReadSource(ctx, async (source) => {
      ctx.stdout.write(`${String(shownConfigValue(configKeyDefinition(name), (await source.configValues())[name]))}\n`);
      return 0;
    });
  },
};

export const configSetCommand: CliCommand = {
  path: ['config', 'set'],
  summary: 'Change one configuration key (refused with the allowed range when invalid)',
  usage: 'badgekiosk config set KEY VALUE',
  async run(ctx, argv) {
    const [name, raw] = keyAndValue(argv);
    if (!isConfigKeyName(name)) {
      ctx.stderr.write(unknownKey(name));
      return 1;
    }
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
