import { EventEmitter } from 'node:events';
import { HidCardSource, nodeHidOpener, type HidDevice, type HidOpener } from '../../../src/devices/hidCardSource.js';
import { checkReaderConfig } from '../../../src/devices/readerConfig.js';
import { nextEvent, recordEvents } from '../../support/devicesEvents.js';
import { loadReportFixture } from '../../support/devicesFixtures.js';

// No HID device and no virtual HID (/dev/uhid, /dev/uinput) exists on these machines, so
// FakeHidDevice stands in for node-hid's HIDAsync: an EventEmitter that replays recorded reports
// (test/fixtures/devices) as 'data' and can fail like an unplugged device does ('error').
class FakeHidDevice extends EventEmitter implements HidDevice {
  closed = false;
  async close(): Promise<void> {
    this.closed = true;
  }
  replay(fixture: string): void {
    for (const report of loadReportFixture(fixture)) this.emit('data', Buffer.from(report.bytes));
  }
}

/** Opens FakeHidDevices while "plugged in"; while unplugged fails as node-hid does. */
class FakeHidBus {
  plugged = true;
  opened: FakeHidDevice[] = [];
  readonly opener: HidOpener = async () => {
    if (!this.plugged) throw new Error('cannot open device with vendor id 0x9d8 and product id 0x410: No HID devices with requested VID/PID found in the system.');
    const device = new FakeHidDevice();
    this.opened.push(device);
    return device;
  };
  get current(): FakeHidDevice {
    return this.opened.at(-1)!;
  }
}

function hidReader(bus: FakeHidBus, opener: HidOpener = bus.opener) {
  const checked = checkReaderConfig({ preset: 'hid-keyboard', hid: '09d8:0410' });
  if (!checked.ok) throw new Error(checked.error);
  return new HidCardSource(checked.value, opener, { initialMs: 10, maxMs: 40 });
}

describe('HID keyboard reader (node-hid HIDAsync, with FakeHidDevice)', () => {
  let reader: HidCardSource | undefined;
  afterEach(async () => {
    await reader?.stop();
  });

  it('turns recorded K-01 reports into card 0006547886', async () => {
    const bus = new FakeHidBus();
    reader = hidReader(bus);
    const connected = nextEvent(reader, 'status', (e) => e.status === 'connected');
    reader.start();
    expect(await connected).toMatchObject({ reader: '09d8:0410' });
    const card = nextEvent(reader, 'card');
    bus.current.replay('k01-boot-decimal.jsonl');
    expect(await card).toMatchObject({ reader: '09d8:0410', raw: '0006547886', cardNumber: '0006547886' });
  });

  it('a record without Enter ends after silence', async () => {
    const bus = new FakeHidBus();
    reader = hidReader(bus);
    const connected = nextEvent(reader, 'status', (e) => e.status === 'connected');
    reader.start();
    await connected;
    const card = nextEvent(reader, 'card');
    // The first four reports' keys of k04 (4711), sent without Enter.
    for (const report of loadReportFixture('k04-silence-ends-record.jsonl').slice(0, 8)) bus.current.emit('data', Buffer.from(report.bytes));
    expect((await card).cardNumber).toBe('4711');
  });

  it('an unplug (HID read error) reports disconnected, closes the device, and re-opens it when it is back', async () => {
    const bus = new FakeHidBus();
    reader = hidReader(bus);
    const connected = nextEvent(reader, 'status', (e) => e.status === 'connected');
    reader.start();
    await connected;
    const log = recordEvents(reader);
    const first = bus.current;

    bus.plugged = false;
    const disconnected = nextEvent(reader, 'status', (e) => e.status === 'disconnected');
    first.emit('error', new Error('could not read from HID device'));
    expect(await disconnected).toMatchObject({ message: 'could not read from HID device' });
    expect(first.closed).toBe(true);

    const reconnected = nextEvent(reader, 'status', (e) => e.status === 'connected');
    bus.plugged = true;
    await reconnected;
    expect(bus.opened).toHaveLength(2);
    // Failed re-open attempts while unplugged add no status events: only disconnected, then connected.
    expect(log.status.map((s) => s.status)).toEqual(['disconnected', 'connected']);

    const card = nextEvent(reader, 'card');
    bus.current.replay('k02-boot-shift-hex.jsonl');
    expect((await card).cardNumber).toBe('04A23C1A');
    first.emit('data', Buffer.from('0000270000000000', 'hex')); // the old device is ignored
  });

  it('with real node-hid and no such device, the reader reports the open error and keeps retrying', async () => {
    reader = hidReader(new FakeHidBus(), nodeHidOpener);
    const error = nextEvent(reader, 'status', (e) => e.status === 'error');
    reader.start();
    expect((await error).message).toMatch(/No HID devices with requested VID\/PID found/);
  });
});
