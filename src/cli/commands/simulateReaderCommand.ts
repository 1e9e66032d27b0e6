import { UsageError, type CliCommand } from '../cliCommand.js';
import { integerOption, parseOptions, requireOption } from '../parseOptions.js';
import { presetOption } from '../readers/readerOptions.js';
import { bytesToHex } from '../../devices/framer.js';
import { loadSerialport } from '../../devices/serialCardSource.js';
import { simulatedFrame } from '../../devices/simulatedFrames.js';

/** `badgekiosk simulate-reader`: play a reader on a serial port, so a socat pty pair can stand in for hardware. */
export const simulateReaderCommand: CliCommand = {
  path: ['simulate-reader'],
  summary: "Write a preset's frames for a card to a serial port (stand-in reader for demos and tests)",
  usage: [
    'badgekiosk simulate-reader --preset PRESET --port PATH --card VALUE [--repeat N] [--interval MS] [--baud N]',
    '  VALUE is what the reader sends: rdm6300 the 10-hex-digit EM4100 ID (010063E9AE reads as 0006547886),',
    '  twn4-cdc a hex UID, line any printable text. Start the kiosk or `readers watch` on the other end first:',
    '  opening a port discards what arrived before. --repeat N sends N frames --interval MS apart (default 1, 200 ms).',
  ].join('\n'),
  async run(ctx, argv) {
    const { values } = parseOptions(argv, {
      preset: { type: 'string' }, port: { type: 'string' }, card: { type: 'string' },
      repeat: { type: 'string' }, interval: { type: 'string' }, baud: { type: 'string' },
    });
    const preset = presetOption(values.preset);
    const path = requireOption(values.port, '--port');
    const frame = simulatedFrame(preset, requireOption(values.card, '--card'));
    if (!frame.ok) throw new UsageError(frame.error + '.');
    const repeat = integerOption(values.repeat, '--repeat', 1, 10_000) ?? 1;
    const interval = integerOption(values.interval, '--interval', 0, 60_000) ?? 200;
    const baudRate = integerOption(values.baud, '--baud', 50, 4_000_000) ?? 9600;

    const { SerialPort } = await loadSerialport();
    const port = new SerialPort({ path, baudRate, autoOpen: false });
    try {
      await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    } catch (error) {
      ctx.stderr.write(`simulate-reader: cannot open ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    const payload = Buffer.from(frame.value);
    for (let i = 0; i < repeat; i++) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, interval));
      await new Promise<void>((resolve, reject) => port.write(payload, (error) => (error ? reject(error) : resolve())));
      await new Promise<void>((resolve, reject) => port.drain((error) => (error ? reject(error) : resolve())));
      ctx.stdout.write(`sent ${bytesToHex(frame.value)}\n`);
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1000); // close can hang on Unix (readers.md §4.2)
      port.close(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    return 0;
  },
};
