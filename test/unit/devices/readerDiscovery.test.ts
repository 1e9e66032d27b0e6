import { discoverReaders, type DiscoverySources } from '../../../src/devices/readerDiscovery.js';

// Listings as SerialPort.list() and HID.devicesAsync() return them for real readers (readers.md
// §1.1, §4.2). No reader is attached to these machines, so these sources are stand-ins; the last
// test lists the machine's real ports and HID devices.
const standInSources: DiscoverySources = {
  listSerial: async () => [
    { path: '/dev/ttyACM0', manufacturer: 'ELATEC GmbH', serialNumber: 'A1B2', vendorId: '09D8', productId: '0420', pnpId: 'usb-ELATEC_GmbH_TWN4_A1B2-if00' },
    { path: '/dev/ttyS0', manufacturer: undefined, serialNumber: undefined, vendorId: undefined, productId: undefined },
  ],
  listHid: async () => [
    { vendorId: 0x0c27, productId: 0x3bfa, path: '/dev/hidraw2', manufacturer: 'RF IDeas', product: 'pcProx Card Reader', serialNumber: '', interface: 0, usagePage: 1, usage: 6 },
  ],
};

describe('reader discovery', () => {
  it('lists serial ports and HID devices with their identity and a proposed preset', async () => {
    const { devices, warnings } = await discoverReaders(standInSources);
    expect(warnings).toEqual([]);
    expect(devices).toEqual([
      {
        channel: 'serial', path: '/dev/ttyACM0', vendorId: '09d8', productId: '0420', manufacturer: 'ELATEC GmbH',
        product: 'usb-ELATEC_GmbH_TWN4_A1B2-if00', serialNumber: 'A1B2', proposal: { preset: 'twn4-cdc', note: 'Elatec TWN4 CDC firmware' },
      },
      { channel: 'serial', path: '/dev/ttyS0' },
      {
        channel: 'hid', path: '/dev/hidraw2', vendorId: '0c27', productId: '3bfa', manufacturer: 'RF IDeas', product: 'pcProx Card Reader',
        usagePage: 1, usage: 6, interface: 0, proposal: { preset: 'hid-keyboard', note: 'RF IDeas pcProx / WAVE ID keystroke reader' },
      },
    ]);
  });

  it('still lists HID devices when serial listing fails (no udevadm in the image), with a warning', async () => {
    const { devices, warnings } = await discoverReaders({
      ...standInSources,
      listSerial: async () => {
        throw new Error('spawn udevadm ENOENT');
      },
    });
    expect(warnings).toEqual(['serial ports could not be listed: spawn udevadm ENOENT']);
    expect(devices.map((d) => d.channel)).toEqual(['hid']);
  });

  it('lists this machine through serialport and node-hid without failing', async () => {
    const { devices, warnings } = await discoverReaders();
    expect(warnings).toEqual([]);
    for (const device of devices) expect(device.path).toMatch(/^\//);
  });
});
