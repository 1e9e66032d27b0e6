import { checkReaderConfig } from '../../../src/devices/readerConfig.js';
import { PRESET_NAMES, proposePreset } from '../../../src/devices/readerPresets.js';

describe('reader presets and proposals by VID:PID (readers.md §1.1)', () => {
  it('offers the four presets', () => {
    expect(PRESET_NAMES).toEqual(['rdm6300', 'twn4-cdc', 'line', 'hid-keyboard']);
  });

  it.each([
    ['09D8', '0410', 'hid', 'hid-keyboard', 'TWN4 keyboard'],
    ['09d8', '0420', 'serial', 'twn4-cdc', 'TWN4 CDC'],
    [0x0c27, 0x3bfa, 'hid', 'hid-keyboard', 'pcProx'],
    ['0c27', '232a', 'serial', 'line', 'pcProx Plus CDC'],
    ['0c27', '3b4c', 'hid', 'hid-keyboard', 'RF IDeas reader (HID)'],
    ['076b', '5427', 'hid', 'hid-keyboard', 'OMNIKEY'],
    ['1a86', '7523', 'serial', 'rdm6300', 'CH340'],
  ] as const)('%s:%s on %s → %s', (vid, pid, channel, preset, note) => {
    const proposal = proposePreset(vid, pid, channel);
    expect(proposal?.preset).toBe(preset);
    expect(proposal?.note).toContain(note);
  });

  it('proposes nothing for unknown or missing IDs', () => {
    expect(proposePreset('046d', 'c52b', 'hid')).toBeUndefined();
    expect(proposePreset(undefined, undefined, 'serial')).toBeUndefined();
  });
});

describe('reader configuration is checked in full before a reader opens', () => {
  it('applies the preset defaults: 9600 8N1, its pipeline, 1 s debounce', () => {
    const checked = checkReaderConfig({ preset: 'rdm6300', path: '/dev/ttyUSB0' });
    expect(checked.ok && checked.value).toMatchObject({
      id: '/dev/ttyUSB0', serial: { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 },
      pipeline: { text: 'substr:2|hex2dec|pad:10' }, debounceMs: 1000,
    });
  });

  it.each([
    [{ preset: 'rdm9000', path: '/dev/x' }, 'unknown preset "rdm9000"; presets are rdm6300, twn4-cdc, line, hid-keyboard'],
    [{ preset: 'line' }, 'preset line reads a serial port: give its path'],
    [{ preset: 'hid-keyboard' }, 'preset hid-keyboard reads a USB HID device: give its VID:PID or path'],
    [{ preset: 'hid-keyboard', hid: 'keyboard' }, 'HID reader must be VID:PID in hex'],
    [{ preset: 'line', path: '/dev/x', serial: { baudRate: 12345 } }, 'baud rate must be one of'],
    [{ preset: 'line', path: '/dev/x', serial: { parity: 'sometimes' as never } }, 'parity must be one of none, even, odd, mark, space'],
    [{ preset: 'line', path: '/dev/x', pipeline: 'hex|pad:0' }, 'pipeline step 2 (pad:0): pad needs a width'],
    [{ preset: 'line', path: '/dev/x', framer: { terminator: 'nul' as never } }, 'terminator must be one of any, cr, lf, crlf'],
    [{ preset: 'line', path: '/dev/x', debounceMs: -5 }, 'debounce must be an integer from 0 to 60000 ms'],
  ])('refuses %j', (config, message) => {
    const checked = checkReaderConfig(config);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.error).toContain(message);
  });

  it('reads a HID target as VID:PID or a path', () => {
    expect(checkReaderConfig({ preset: 'hid-keyboard', hid: '09d8:0410' })).toMatchObject({ ok: true, value: { id: '09d8:0410', hid: { vendorId: 0x09d8, productId: 0x0410 } } });
    expect(checkReaderConfig({ preset: 'hid-keyboard', hid: '/dev/hidraw3' })).toMatchObject({ ok: true, value: { hid: { path: '/dev/hidraw3' } } });
  });
});
