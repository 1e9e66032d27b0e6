import type { Framer } from './framer.js';
import { HidKeyboardFramer } from './hidKeyboardFramer.js';
import { LineFramer, type LineTerminator } from './lineFramer.js';
import { Rdm6300Framer } from './rdm6300Framer.js';

export type PresetName = 'rdm6300' | 'twn4-cdc' | 'line' | 'hid-keyboard';
export type ReaderChannel = 'serial' | 'hid';
export type Parity = 'none' | 'even' | 'odd' | 'mark' | 'space';

export interface SerialSettings {
  readonly baudRate: number;
  readonly dataBits: 5 | 6 | 7 | 8;
  readonly parity: Parity;
  readonly stopBits: 1 | 1.5 | 2;
}

/** Per-reader framing options a technician may set; each preset uses the ones that apply to it. */
export interface FramerSettings {
  readonly terminator?: LineTerminator;
  readonly prefix?: string;
  readonly suffix?: string;
  readonly silenceMs?: number;
  readonly reportSize?: 8 | 9;
  readonly reportId?: number;
}

export interface ReaderPreset {
  readonly name: PresetName;
  readonly channel: ReaderChannel;
  readonly summary: string;
  /** Pipeline used when the reader has none configured: record text → printed card number. */
  readonly defaultPipeline: string;
  readonly serial?: SerialSettings;
  createFramer(settings?: FramerSettings): Framer;
}

const NINE_600_8N1: SerialSettings = { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 };

export const READER_PRESETS: Readonly<Record<PresetName, ReaderPreset>> = {
  rdm6300: {
    name: 'rdm6300', channel: 'serial', serial: NINE_600_8N1,
    summary: 'EM4100 125 kHz modules (RDM6300, ID-12LA/ID-20LA): STX, 10 hex ID, XOR checksum, ETX; 9600 8N1',
    // The printed number is the last 4 ID bytes in decimal, 10 digits (readers.md §1.5, EM-01).
    defaultPipeline: 'substr:2|hex2dec|pad:10',
    createFramer: () => new Rdm6300Framer(),
  },
  'twn4-cdc': {
    name: 'twn4-cdc', channel: 'serial', serial: NINE_600_8N1,
    summary: 'Elatec TWN4 CDC firmware (09D8:0420), standard app: hex UID + CR',
    defaultPipeline: 'hex',
    createFramer: (s = {}) => new LineFramer({
      terminator: s.terminator ?? 'any', prefix: s.prefix, suffix: s.suffix, silenceMs: s.silenceMs,
      content: { pattern: /^[0-9A-Fa-f]+$/, description: 'hexadecimal' },
    }),
  },
  line: {
    name: 'line', channel: 'serial', serial: NINE_600_8N1,
    summary: 'Any reader sending ASCII lines (CR, LF or CRLF; optional prefix/suffix): RF IDeas CDC/RS-232, Wiegand converters',
    defaultPipeline: '',
    createFramer: (s = {}) => new LineFramer({ terminator: s.terminator ?? 'any', prefix: s.prefix, suffix: s.suffix, silenceMs: s.silenceMs }),
  },
  'hid-keyboard': {
    name: 'hid-keyboard', channel: 'hid',
    summary: 'USB keyboard-mode readers read as raw HID boot reports (Linux hidraw): TWN4 keyboard, pcProx, OMNIKEY wedge',
    defaultPipeline: '',
    createFramer: (s = {}) => new HidKeyboardFramer({ reportSize: s.reportSize, reportId: s.reportId, silenceMs: s.silenceMs }),
  },
};

export const PRESET_NAMES = Object.keys(READER_PRESETS) as PresetName[];

export function isPresetName(name: string): name is PresetName {
  return Object.prototype.hasOwnProperty.call(READER_PRESETS, name);
}

interface PresetMatch {
  readonly vendorId: string;
  /** Undefined: any product of the vendor on that channel. */
  readonly productId?: string;
  readonly channel: ReaderChannel;
  readonly preset: PresetName;
  readonly note: string;
}

/** Known readers by USB VID:PID (readers.md §1.1), lower-case hex. Exact PID entries win over vendor-wide ones. */
export const PRESET_MATCHES: readonly PresetMatch[] = [
  { vendorId: '09d8', productId: '0410', channel: 'hid', preset: 'hid-keyboard', note: 'Elatec TWN4 keyboard firmware' },
  { vendorId: '09d8', productId: '042a', channel: 'hid', preset: 'hid-keyboard', note: 'Elatec TWN4 CCID+keyboard' },
  { vendorId: '09d8', productId: '0420', channel: 'serial', preset: 'twn4-cdc', note: 'Elatec TWN4 CDC firmware' },
  { vendorId: '09d8', productId: '0427', channel: 'serial', preset: 'twn4-cdc', note: 'Elatec TWN4 CCID+CDC' },
  { vendorId: '09d8', productId: '0320', channel: 'serial', preset: 'line', note: 'Elatec TWN3 Multi125 (CR-terminated lines)' },
  { vendorId: '0c27', productId: '3bfa', channel: 'hid', preset: 'hid-keyboard', note: 'RF IDeas pcProx / WAVE ID keystroke reader' },
  { vendorId: '0c27', productId: '232a', channel: 'serial', preset: 'line', note: 'RF IDeas pcProx Plus CDC' },
  { vendorId: '0c27', channel: 'hid', preset: 'hid-keyboard', note: 'RF IDeas reader (HID)' },
  { vendorId: '0c27', channel: 'serial', preset: 'line', note: 'RF IDeas reader (CDC / RS-232)' },
  { vendorId: '076b', channel: 'hid', preset: 'hid-keyboard', note: 'HID Global OMNIKEY in keyboard-wedge mode' },
  { vendorId: '0403', productId: '6001', channel: 'serial', preset: 'rdm6300', note: 'FTDI USB-serial bridge: often an RDM6300/ID-12LA module (check)' },
  { vendorId: '10c4', productId: 'ea60', channel: 'serial', preset: 'rdm6300', note: 'CP210x USB-serial bridge: often an RDM6300 module (check)' },
  { vendorId: '1a86', productId: '7523', channel: 'serial', preset: 'rdm6300', note: 'CH340 USB-serial bridge: often an RDM6300 module (check)' },
  { vendorId: '067b', productId: '2303', channel: 'serial', preset: 'rdm6300', note: 'PL2303 USB-serial bridge: often an RDM6300 module (check)' },
];

export function normaliseUsbId(id: string | number | undefined): string | undefined {
  if (id === undefined || id === '') return undefined;
  const text = typeof id === 'number' ? id.toString(16) : id.replace(/^0x/i, '');
  return /^[0-9a-fA-F]{1,4}$/.test(text) ? text.toLowerCase().padStart(4, '0') : undefined;
}

export function proposePreset(
  vendorId: string | number | undefined,
  productId: string | number | undefined,
  channel: ReaderChannel,
): { preset: PresetName; note: string } | undefined {
  const vid = normaliseUsbId(vendorId);
  const pid = normaliseUsbId(productId);
  if (!vid) return undefined;
  const candidates = PRESET_MATCHES.filter((m) => m.vendorId === vid && m.channel === channel);
  const match = candidates.find((m) => m.productId === pid) ?? candidates.find((m) => m.productId === undefined);
  return match ? { preset: match.preset, note: match.note } : undefined;
}
