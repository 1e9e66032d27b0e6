import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';
import { DEFAULT_DEBOUNCE_MS } from './cardDebouncer.js';
import { LINE_TERMINATORS, type LineTerminator } from './lineFramer.js';
import { compilePipeline, type Pipeline } from './pipeline.js';
import {
  PRESET_NAMES, READER_PRESETS, isPresetName, normaliseUsbId,
  type FramerSettings, type Parity, type ReaderPreset, type SerialSettings,
} from './readerPresets.js';

/** A reader as configured (CLI flags, the host's stored profile, an imported JSON file). */
export interface ReaderConfig {
  readonly id?: string;
  readonly preset: string;
  /** Serial presets: the port, e.g. /dev/ttyACM0, /dev/serial/by-id/…, or a pty link. */
  readonly path?: string;
  readonly serial?: Partial<SerialSettings>;
  /** hid-keyboard: `VID:PID` (hex) or a hidraw path. */
  readonly hid?: string;
  readonly pipeline?: string;
  readonly framer?: FramerSettings;
  readonly debounceMs?: number;
}

export type HidTarget = { readonly vendorId: number; readonly productId: number } | { readonly path: string };

/** A configuration checked in full, so nothing is refused later while reading cards. */
export interface CheckedReaderConfig {
  readonly id: string;
  readonly preset: ReaderPreset;
  readonly path?: string;
  readonly serial: SerialSettings;
  readonly hid?: HidTarget;
  readonly pipeline: Pipeline;
  readonly framer: FramerSettings;
  readonly debounceMs: number;
}

const BAUD_RATES = [110, 300, 600, 1200, 2400, 4800, 9600, 14400, 19200, 38400, 57600, 115200, 230400, 460800, 921600];
const PARITIES: readonly Parity[] = ['none', 'even', 'odd', 'mark', 'space'];

export function parseHidTarget(text: string): Result<HidTarget, string> {
  const match = /^([0-9a-fA-F]{1,4}):([0-9a-fA-F]{1,4})$/.exec(text);
  if (match) return ok({ vendorId: parseInt(match[1]!, 16), productId: parseInt(match[2]!, 16) });
  if (text.startsWith('/')) return ok({ path: text });
  return err(`HID reader must be VID:PID in hex (e.g. 09d8:0410) or a device path, got ${JSON.stringify(text)}`);
}

export function describeHidTarget(target: HidTarget): string {
  return 'path' in target ? target.path : `${normaliseUsbId(target.vendorId)}:${normaliseUsbId(target.productId)}`;
}

function checkSerial(preset: ReaderPreset, serial: Partial<SerialSettings> = {}): Result<SerialSettings, string> {
  const base = preset.serial ?? { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 };
  const merged = { ...base, ...serial };
  if (!BAUD_RATES.includes(merged.baudRate)) return err(`baud rate must be one of ${BAUD_RATES.join(', ')}`);
  if (![5, 6, 7, 8].includes(merged.dataBits)) return err('data bits must be 5, 6, 7 or 8');
  if (!PARITIES.includes(merged.parity)) return err(`parity must be one of ${PARITIES.join(', ')}`);
  if (![1, 1.5, 2].includes(merged.stopBits)) return err('stop bits must be 1, 1.5 or 2');
  return ok(merged);
}

function checkFramer(settings: FramerSettings = {}): Result<FramerSettings, string> {
  const { terminator, prefix, suffix, silenceMs, reportSize, reportId } = settings;
  if (terminator !== undefined && !LINE_TERMINATORS.includes(terminator as LineTerminator)) {
    return err(`terminator must be one of ${LINE_TERMINATORS.join(', ')}`);
  }
  for (const [name, value] of [['prefix', prefix], ['suffix', suffix]] as const) {
    if (value !== undefined && (typeof value !== 'string' || value.length > 16 || !/^[\x20-\x7e]*$/.test(value))) {
      return err(`${name} must be up to 16 printable ASCII characters`);
    }
  }
  if (silenceMs !== undefined && (!Number.isInteger(silenceMs) || silenceMs < 10 || silenceMs > 5000)) {
    return err('silence must be an integer from 10 to 5000 ms');
  }
  if (reportSize !== undefined && reportSize !== 8 && reportSize !== 9) return err('report size must be 8 or 9 bytes');
  if (reportId !== undefined && (!Number.isInteger(reportId) || reportId < 0 || reportId > 255)) return err('report ID must be from 0 to 255');
  return ok(settings);
}

/** Checks a reader configuration; the refusal names what is wrong. */
export function checkReaderConfig(config: ReaderConfig): Result<CheckedReaderConfig, string> {
  if (!isPresetName(config.preset)) return err(`unknown preset ${JSON.stringify(config.preset)}; presets are ${PRESET_NAMES.join(', ')}`);
  const preset = READER_PRESETS[config.preset];
  const serial = checkSerial(preset, config.serial);
  if (!serial.ok) return serial;
  const framer = checkFramer(config.framer);
  if (!framer.ok) return framer;
  const pipeline = compilePipeline(config.pipeline ?? preset.defaultPipeline);
  if (!pipeline.ok) return err(`pipeline ${pipeline.error.message}`);
  const debounceMs = config.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  if (!Number.isInteger(debounceMs) || debounceMs < 0 || debounceMs > 60000) return err('debounce must be an integer from 0 to 60000 ms');
  let hid: HidTarget | undefined;
  let path: string | undefined;
  if (preset.channel === 'hid') {
    if (!config.hid) return err(`preset ${preset.name} reads a USB HID device: give its VID:PID or path`);
    const target = parseHidTarget(config.hid);
    if (!target.ok) return target;
    hid = target.value;
  } else {
    if (!config.path) return err(`preset ${preset.name} reads a serial port: give its path`);
    if (/[\0\n]/.test(config.path)) return err('serial port path contains a forbidden character');
    path = config.path;
  }
  const id = config.id ?? path ?? (hid ? describeHidTarget(hid) : preset.name);
  return ok({
    id, preset, serial: serial.value, pipeline: pipeline.value, framer: framer.value, debounceMs,
    ...(path === undefined ? {} : { path }), ...(hid === undefined ? {} : { hid }),
  });
}
