import { UsageError } from '../cliCommand.js';
import { integerOption } from '../parseOptions.js';
import { LINE_TERMINATORS, type LineTerminator } from '../../devices/lineFramer.js';
import { PRESET_NAMES, isPresetName, type FramerSettings, type Parity, type PresetName, type SerialSettings } from '../../devices/readerPresets.js';

/** Options shared by the reader commands (watch, decode), as node:util parseArgs declarations. */
export const FRAMER_OPTIONS = {
  preset: { type: 'string' },
  pipeline: { type: 'string' },
  terminator: { type: 'string' },
  prefix: { type: 'string' },
  suffix: { type: 'string' },
  'report-size': { type: 'string' },
} as const;

export const SERIAL_OPTIONS = {
  baud: { type: 'string' },
  'data-bits': { type: 'string' },
  parity: { type: 'string' },
  'stop-bits': { type: 'string' },
} as const;

export function presetOption(value: string | undefined): PresetName {
  if (value === undefined) throw new UsageError(`Missing required option --preset (one of ${PRESET_NAMES.join(', ')}).`);
  if (!isPresetName(value)) throw new UsageError(`Unknown preset ${JSON.stringify(value)}: use one of ${PRESET_NAMES.join(', ')}.`);
  return value;
}

export function framerSettings(values: { terminator?: string; prefix?: string; suffix?: string; 'report-size'?: string }): FramerSettings {
  const { terminator, prefix, suffix } = values;
  if (terminator !== undefined && !LINE_TERMINATORS.includes(terminator as LineTerminator)) {
    throw new UsageError(`--terminator must be one of ${LINE_TERMINATORS.join(', ')}.`);
  }
  const reportSize = values['report-size'];
  if (reportSize !== undefined && reportSize !== '8' && reportSize !== '9') {
    throw new UsageError('--report-size must be 8 (boot reports) or 9 (a report-ID byte first).');
  }
  return {
    ...(terminator === undefined ? {} : { terminator: terminator as LineTerminator }),
    ...(prefix === undefined ? {} : { prefix }),
    ...(suffix === undefined ? {} : { suffix }),
    ...(reportSize === undefined ? {} : { reportSize: Number(reportSize) as 8 | 9 }),
  };
}

export function serialSettings(values: { baud?: string; 'data-bits'?: string; parity?: string; 'stop-bits'?: string }): Partial<SerialSettings> {
  const baudRate = integerOption(values.baud, '--baud', 50, 4_000_000);
  const dataBits = integerOption(values['data-bits'], '--data-bits', 5, 8);
  const stopBits = values['stop-bits'];
  if (stopBits !== undefined && !['1', '1.5', '2'].includes(stopBits)) throw new UsageError('--stop-bits must be 1, 1.5 or 2.');
  return {
    ...(baudRate === undefined ? {} : { baudRate }),
    ...(dataBits === undefined ? {} : { dataBits: dataBits as SerialSettings['dataBits'] }),
    ...(values.parity === undefined ? {} : { parity: values.parity as Parity }),
    ...(stopBits === undefined ? {} : { stopBits: Number(stopBits) as SerialSettings['stopBits'] }),
  };
}
