import { UsageError, type CliCommand } from '../cliCommand.js';
import { parseOptions, requireOption } from '../parseOptions.js';
import { integerOption } from '../parseOptions.js';
import {
  WIEGAND_FORMATS, WIEGAND_FORMAT_NAMES, decodeWiegand, isWiegandFormatName, wiegandBitsFromHex,
} from '../../devices/wiegandFormats.js';

/** `badgekiosk wiegand`: decode one Wiegand message with parity checks (readers.md §3). */
export const wiegandCommand: CliCommand = {
  path: ['wiegand'],
  summary: `Decode a Wiegand message (${WIEGAND_FORMAT_NAMES.join(', ')}) with parity checks`,
  usage: [
    'badgekiosk wiegand --format FORMAT (--bits BITS | --hex HEX --length N)',
    `  FORMAT: ${WIEGAND_FORMAT_NAMES.join(', ')}. BITS: the message MSB first, e.g. 10111101100010001110101110.`,
    '  HEX: a hexadecimal number whose low N bits are the message (leading zeros optional), e.g. --hex 2006F623AE --length 26.',
    '  Prints {"format":F,"facility":N,"card":N}; facility is null for a format without one (h10302).',
    '  A wrong length or parity exits 1.',
  ].join('\n'),
  async run(ctx, argv) {
    const { values } = parseOptions(argv, { format: { type: 'string' }, bits: { type: 'string' }, hex: { type: 'string' }, length: { type: 'string' } });
    const name = requireOption(values.format, '--format');
    if (!isWiegandFormatName(name)) throw new UsageError(`Unknown format ${JSON.stringify(name)}: use one of ${WIEGAND_FORMAT_NAMES.join(', ')}.`);
    if ((values.bits === undefined) === (values.hex === undefined)) throw new UsageError('Give either --bits or --hex with --length.');
    let bits: string;
    if (values.bits !== undefined) {
      if (values.length !== undefined) throw new UsageError('--length goes with --hex, not --bits.');
      if (!/^[01]+$/.test(values.bits)) throw new UsageError('--bits must be 0s and 1s only.');
      bits = values.bits;
    } else {
      const length = integerOption(requireOption(values.length, '--length'), '--length', 1, 256)!;
      const fromHex = wiegandBitsFromHex(values.hex!.replace(/^0x/i, ''), length);
      if (!fromHex.ok) throw new UsageError(`--hex: ${fromHex.error}.`);
      bits = fromHex.value;
    }
    const decoded = decodeWiegand(WIEGAND_FORMATS[name], bits);
    if (!decoded.ok) {
      ctx.stderr.write(`wiegand: ${decoded.error}\n`);
      return 1;
    }
    ctx.stdout.write(JSON.stringify(decoded.value) + '\n');
    return 0;
  },
};
