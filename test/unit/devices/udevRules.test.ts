import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PRESET_MATCHES } from '../../../src/devices/readerPresets.js';

const RULES = path.resolve(__dirname, '../../../build/udev/70-badgekiosk-readers.rules');
const rules = readFileSync(RULES, 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

/** Every .rules file under build/, so no packaging step can ship a rule this test has not seen. */
function rulesFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? rulesFilesUnder(full) : entry.name.endsWith('.rules') ? [full] : [];
  });
}

describe('udev rules for readers (build/udev)', () => {
  it('is the only rules file the build ships', () => {
    expect(rulesFilesUnder(path.resolve(__dirname, '../../../build'))).toEqual([RULES]);
    const builder = JSON.parse(readFileSync(path.resolve(__dirname, '../../../build/electron-builder.json'), 'utf8')) as { extraResources: { from: string }[] };
    expect(builder.extraResources.map((r) => r.from)).toContain('build/udev/70-badgekiosk-readers.rules');
  });

  it('never grants access without a USB vendor ID (that would expose every keyboard)', () => {
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule).toMatch(/ATTRS\{idVendor\}=="[0-9a-f]{4}"/);
  });

  it('only ever matches hidraw, tty or usb device nodes', () => {
    for (const rule of rules) expect(rule).toMatch(/SUBSYSTEM=="(hidraw|tty|usb)"/);
  });

  it('covers every reader vendor of the preset table on its channel (serial bridges excepted: dialout already owns them)', () => {
    const readerVendors = ['09d8', '0c27', '076b'];
    for (const match of PRESET_MATCHES.filter((m) => readerVendors.includes(m.vendorId))) {
      const subsystem = match.channel === 'hid' ? 'hidraw' : 'tty';
      const covering = rules.filter((r) => r.includes(`SUBSYSTEM=="${subsystem}"`) && r.includes(`ATTRS{idVendor}=="${match.vendorId}"`)
        && (!r.includes('idProduct') || (match.productId !== undefined && r.includes(`ATTRS{idProduct}=="${match.productId}"`))));
      expect(covering, `${match.vendorId}:${match.productId ?? '*'} ${match.channel}`).not.toHaveLength(0);
    }
  });
});
