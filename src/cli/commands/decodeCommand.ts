import { UsageError, type CliCommand } from '../cliCommand.js';
import { parseOptions, requireOption } from '../parseOptions.js';
import { FRAMER_OPTIONS, framerSettings, presetOption } from '../readers/readerOptions.js';
import { bytesToHex, hexToBytes } from '../../devices/framer.js';
import { compilePipeline, runPipeline } from '../../devices/pipeline.js';
import { READER_PRESETS } from '../../devices/readerPresets.js';

/** `badgekiosk decode`: decode a recorded byte stream offline, exactly as a live reader would frame and convert it. */
export const decodeCommand: CliCommand = {
  path: ['decode'],
  summary: 'Decode recorded reader bytes offline into card numbers',
  usage: [
    'badgekiosk decode --preset PRESET --hex "BYTES" [--report-size 8|9] [--pipeline S] [--terminator any|cr|lf|crlf] [--prefix X] [--suffix X]',
    '  PRESET: rdm6300, twn4-cdc, line, hid-keyboard. BYTES: hex, spaces allowed ("02 30 31 …").',
    '  hid-keyboard: BYTES are the reports one after another; --report-size 9 when each starts with a report ID.',
    '  Prints one card number per line; each rejected record goes to stderr with its reason, and then the exit code is 1.',
  ].join('\n'),
  async run(ctx, argv) {
    const { values } = parseOptions(argv, { ...FRAMER_OPTIONS, hex: { type: 'string' } });
    const preset = READER_PRESETS[presetOption(values.preset)];
    const bytes = hexToBytes(requireOption(values.hex, '--hex'));
    if (!bytes) throw new UsageError('--hex must be pairs of hexadecimal digits, e.g. "02 30 31 03".');
    const settings = framerSettings(values);
    const pipeline = compilePipeline(values.pipeline ?? preset.defaultPipeline);
    if (!pipeline.ok) throw new UsageError(`Pipeline refused: ${pipeline.error.message}`);
    const framer = preset.createFramer(preset.channel === 'hid' ? { reportSize: 8, ...settings } : settings);
    let rejected = 0;
    for (const output of [...framer.push(bytes, 0), ...framer.end()]) {
      if (output.kind === 'noise') {
        ctx.stderr.write(`skipped ${output.count} byte(s) outside any frame: ${bytesToHex(output.bytes)}\n`);
        continue;
      }
      if (output.kind === 'rejected') {
        rejected++;
        ctx.stderr.write(`rejected: ${output.reason} (frame: ${bytesToHex(output.frame)})\n`);
        continue;
      }
      const converted = runPipeline(pipeline.value, output.text);
      if (converted.ok) {
        ctx.stdout.write(converted.value + '\n');
      } else {
        rejected++;
        ctx.stderr.write(`rejected: record ${JSON.stringify(output.text)}: pipeline ${converted.error.message}\n`);
      }
    }
    return rejected > 0 ? 1 : 0;
  },
};
