import { createCardSource } from '../../devices/cardSources.js';
import { checkReaderConfig } from '../../devices/readerConfig.js';
import { err, ok, type Result } from '../../core/index.js';
import type { HostCardSource, ReaderInfo } from '../readerBoard.js';

export interface CommandLineReader {
  readonly preset: string;
  readonly port: string;
  readonly pipeline?: string;
}

/**
 * A serial reader given on the command line (`start --serial-preset P --serial-port PATH`),
 * checked in full before anything starts, so a typo is refused with what is wrong rather than a
 * kiosk whose reader never reads. Technician mode's saved profile is the way to keep readers.
 */
export function openCommandLineReader(reader: CommandLineReader): Result<{ source: HostCardSource; info: ReaderInfo }, string> {
  const checked = checkReaderConfig({ preset: reader.preset, path: reader.port, ...(reader.pipeline !== undefined ? { pipeline: reader.pipeline } : {}) });
  if (!checked.ok) return err(checked.error);
  if (checked.value.preset.channel !== 'serial') return err(`preset ${reader.preset} is not a serial reader; set HID readers up in technician mode`);
  return ok({ source: createCardSource(checked.value), info: { kind: 'serial', label: `${checked.value.preset.name} on ${reader.port}` } });
}
