import { UsageError, type CliCommand } from '../cliCommand.js';
import { parseOptions, requireOption } from '../parseOptions.js';
import { compilePipeline, runPipeline } from '../../devices/pipeline.js';
import { WIEGAND_FORMAT_NAMES } from '../../devices/wiegandFormats.js';

/** `badgekiosk convert`: try a card-number pipeline on one value (readers.md §3.5). */
export const convertCommand: CliCommand = {
  path: ['convert'],
  summary: 'Convert a card value with a pipeline, e.g. reverse-bytes|hex2dec|pad:10',
  usage: [
    'badgekiosk convert --pipeline "STEP|STEP…" VALUE',
    '  Steps: hex, reverse-bytes, hex2dec, dec2hex, ascii-hex, strip-leading-zeros, pad:N, substr:START[:LEN],',
    `         regex:PATTERN (first capture group), wiegand:FORMAT[:facility|card] (${WIEGAND_FORMAT_NAMES.join(', ')};`,
    '         h10302 has no facility: wiegand:h10302 and wiegand:h10302:card give its card number).',
    '  Prints the converted value. A refused pipeline exits 2; a value the pipeline cannot convert exits 1.',
  ].join('\n'),
  async run(ctx, argv) {
    const { values, positionals } = parseOptions(argv, { pipeline: { type: 'string' } }, true);
    const text = requireOption(values.pipeline, '--pipeline');
    if (positionals.length !== 1) throw new UsageError('Give exactly one VALUE to convert.');
    const pipeline = compilePipeline(text);
    if (!pipeline.ok) throw new UsageError(`Pipeline refused: ${pipeline.error.message}`);
    const result = runPipeline(pipeline.value, positionals[0]!);
    if (!result.ok) {
      ctx.stderr.write(`convert failed at ${result.error.message}\n`);
      return 1;
    }
    ctx.stdout.write(result.value + '\n');
    return 0;
  },
};
