import { UsageError, type CliContext } from './cliCommand.js';
import { readSecret } from './secretInput.js';

/** Longest standard input read for PINs: a few lines of digits, never a whole file. */
const MAX_PIN_INPUT_BYTES = 4096;

async function readLines(stdin: NodeJS.ReadableStream): Promise<string[]> {
  let text = '';
  for await (const chunk of stdin) {
    text += chunk.toString();
    if (text.length > MAX_PIN_INPUT_BYTES) break;
  }
  return text.split(/\r?\n/);
}

/**
 * PIN options given as `-` are read from standard input instead of the command line, where other
 * local users could see them in the process list: from the terminal without echo (one prompt per
 * PIN), or from a pipe one line per PIN in the order the options are listed in `pins`.
 */
export async function resolvePins(
  ctx: Pick<CliContext, 'stderr'>,
  pins: readonly { readonly value: string; readonly prompt: string }[],
  stdin: NodeJS.ReadStream = process.stdin,
): Promise<string[]> {
  if (!pins.some((pin) => pin.value === '-')) return pins.map((pin) => pin.value);
  const values: string[] = [];
  if (stdin.isTTY) {
    for (const pin of pins) values.push(pin.value === '-' ? await readSecret(`${pin.prompt}: `, ctx.stderr, stdin) : pin.value);
  } else {
    const lines = await readLines(stdin);
    let next = 0;
    for (const pin of pins) values.push(pin.value === '-' ? (lines[next++] ?? '') : pin.value);
  }
  pins.forEach((pin, i) => {
    if (values[i] === '') throw new UsageError(`No ${pin.prompt} on standard input.`);
  });
  return values;
}
