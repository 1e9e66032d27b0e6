import type { ReaderEntry } from '../../contract/index.js';
import { checkReaderConfig } from '../../devices/readerConfig.js';
import { err, ok, type Result } from '../../core/index.js';

export interface CommandLineReader {
  readonly preset: string;
  readonly port: string;
  readonly pipeline?: string;
}

/** The reader id of the serial reader given on the command line, as technician mode lists it. */
export const GIVEN_AT_START_READER_ID = 'given-at-start';

/**
 * A serial reader given on the command line (`start --serial-preset P --serial-port PATH`),
 * checked in full before anything starts, so a typo is refused with what is wrong rather than a
 * kiosk whose reader never reads. It runs as one of technician mode's readers (labelled "given at
 * start"), so its reads reach the live view and a technician can replace it with a configured one.
 */
export function commandLineReaderEntry(reader: CommandLineReader): Result<ReaderEntry, string> {
  const checked = checkReaderConfig({ preset: reader.preset, path: reader.port, ...(reader.pipeline !== undefined ? { pipeline: reader.pipeline } : {}) });
  if (!checked.ok) return err(checked.error);
  if (checked.value.preset.channel !== 'serial') return err(`preset ${reader.preset} is not a serial reader; set HID readers up in technician mode`);
  return ok({ id: GIVEN_AT_START_READER_ID, preset: reader.preset, path: reader.port, pipeline: reader.pipeline ?? checked.value.preset.defaultPipeline });
}
