import { UsageError, type CliCommand, type CliContext } from '../cliCommand.js';
import { integerOption, parseOptions } from '../parseOptions.js';
import { FRAMER_OPTIONS, SERIAL_OPTIONS, framerSettings, presetOption, serialSettings } from '../readers/readerOptions.js';
import { createCardSource } from '../../devices/cardSources.js';
import { checkReaderConfig } from '../../devices/readerConfig.js';
import { discoverReaders, type DiscoveredDevice } from '../../devices/readerDiscovery.js';

function describe(device: DiscoveredDevice): string {
  const id = device.vendorId ? `${device.vendorId}:${device.productId ?? '????'}` : '—';
  const name = [device.manufacturer, device.product].filter(Boolean).join(' ') || '(no USB identity)';
  const serial = device.serialNumber ? ` serial ${device.serialNumber}` : '';
  const proposal = device.proposal ? `  → preset ${device.proposal.preset} (${device.proposal.note})` : '';
  return `${device.channel.padEnd(6)} ${device.path}  ${id}  ${name}${serial}${proposal}`;
}

/** `badgekiosk readers list`: what could be a reader on this machine, and the preset proposed for it. */
export const readersListCommand: CliCommand = {
  path: ['readers', 'list'],
  summary: 'List serial ports and HID devices, with the preset proposed for known readers',
  usage: 'badgekiosk readers list [--json]\n  Pseudo-terminals are never listed: pass their path to readers watch --port.',
  async run(ctx, argv) {
    const { values } = parseOptions(argv, { json: { type: 'boolean' } });
    const { devices, warnings } = await discoverReaders();
    for (const warning of warnings) ctx.stderr.write(`warning: ${warning}\n`);
    if (values.json) {
      ctx.stdout.write(JSON.stringify({ devices, warnings }) + '\n');
      return 0;
    }
    if (devices.length === 0) ctx.stdout.write('No serial ports or HID devices found.\n');
    for (const device of devices) ctx.stdout.write(describe(device) + '\n');
    return 0;
  },
};

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

async function watch(ctx: CliContext, argv: readonly string[]): Promise<number> {
  const { values } = parseOptions(argv, {
    ...FRAMER_OPTIONS, ...SERIAL_OPTIONS, port: { type: 'string' }, hid: { type: 'string' }, 'debounce-ms': { type: 'string' },
  });
  const preset = presetOption(values.preset);
  if ((values.port === undefined) === (values.hid === undefined)) throw new UsageError('Give either --port PATH (serial) or --hid VID:PID|PATH.');
  const debounceMs = integerOption(values['debounce-ms'], '--debounce-ms', 0, 60_000);
  const checked = checkReaderConfig({
    preset,
    ...(values.port === undefined ? {} : { path: values.port }),
    ...(values.hid === undefined ? {} : { hid: values.hid }),
    ...(values.pipeline === undefined ? {} : { pipeline: values.pipeline }),
    ...(debounceMs === undefined ? {} : { debounceMs }),
    serial: serialSettings(values),
    framer: framerSettings(values),
  });
  if (!checked.ok) throw new UsageError(`Reader refused: ${checked.error}.`);
  const source = createCardSource(checked.value);
  source.on('card', (card) => ctx.stdout.write(card.cardNumber + '\n'));
  source.on('status', (event) => ctx.stderr.write(`reader ${event.reader}: ${event.status}${event.message ? ` (${event.message})` : ''}\n`));
  source.on('record', (record) => {
    if (record.verdict === 'rejected') ctx.stderr.write(`rejected: ${record.reason} (frame: ${record.frameHex})\n`);
  });
  const stopped = untilSignal();
  source.start();
  await stopped;
  await source.stop();
  return 0;
}

/** `badgekiosk readers watch`: read a reader live, one card number per line, until Ctrl-C. */
export const readersWatchCommand: CliCommand = {
  path: ['readers', 'watch'],
  summary: 'Read a reader live: card numbers on stdout, status and rejected frames on stderr',
  usage: [
    'badgekiosk readers watch --preset PRESET (--port PATH | --hid VID:PID|PATH) [--pipeline S]',
    '    [--baud N] [--data-bits 5-8] [--parity none|even|odd|mark|space] [--stop-bits 1|1.5|2]',
    '    [--terminator any|cr|lf|crlf] [--prefix X] [--suffix X] [--report-size 8|9] [--debounce-ms N]',
    '  Runs until Ctrl-C. Unplugging and replugging the reader is reported on stderr and recovered.',
  ].join('\n'),
  run: watch,
};
