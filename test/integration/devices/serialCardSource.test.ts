import { SerialCardSource } from '../../../src/devices/serialCardSource.js';
import { checkReaderConfig, type ReaderConfig } from '../../../src/devices/readerConfig.js';
import { encodeRdm6300Frame } from '../../../src/devices/rdm6300Framer.js';
import { SocatPtyPair } from '../../support/devicesPty.js';
import { nextEvent, recordEvents } from '../../support/devicesEvents.js';
import { bytes } from '../../support/devicesFixtures.js';

// Real serialport 13 on real socat pseudo-terminals (readers.md §5.1): the app side opens the pty,
// the test writes the reader's bytes to the other end. Nothing is mocked.

const EM01 = bytes('02 30 31 30 30 36 33 45 39 41 45 32 35 03');
const EM07 = bytes('02 31 30 30 30 32 36 46 34 34 34 32 36 03');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function source(pair: SocatPtyPair, config: Partial<ReaderConfig> = {}) {
  const checked = checkReaderConfig({ preset: 'rdm6300', path: pair.appPath, id: 'door', ...config });
  if (!checked.ok) throw new Error(checked.error);
  return new SerialCardSource(checked.value, { initialMs: 50, maxMs: 200 });
}

describe('serial reader on a socat pty', () => {
  let pair: SocatPtyPair;
  let reader: SerialCardSource;

  beforeEach(async () => {
    pair = await SocatPtyPair.start();
  });

  afterEach(async () => {
    await reader?.stop();
    await pair.dispose();
  });

  async function open(config: Partial<ReaderConfig> = {}) {
    reader = source(pair, config);
    const connected = nextEvent(reader, 'status', (e) => e.status === 'connected');
    reader.start();
    await connected; // serialport flushes input on open: write only after this (readers.md §4.2)
    return recordEvents(reader);
  }

  it('reassembles a frame split across two writes into card 0006547886', async () => {
    await open();
    const card = nextEvent(reader, 'card');
    pair.write(EM01.subarray(0, 5));
    await pause(30);
    pair.write(EM01.subarray(5));
    expect(await card).toMatchObject({ reader: 'door', raw: '010063E9AE', cardNumber: '0006547886' });
  });

  it('decodes back-to-back frames in one write, after noise, as two cards', async () => {
    const log = await open();
    const second = nextEvent(reader, 'card', (e) => e.cardNumber === '0008844356');
    pair.write(bytes('FF 00 02 30 31 30 30 36 33 45 39 41 45 32 35 03 02 31 30 30 30 38 36 46 34 34 34 32 36 03'));
    await second;
    expect(log.card.map((c) => c.cardNumber)).toEqual(['0006547886', '0008844356']);
    expect(log.record[0]).toMatchObject({ verdict: 'noise', count: 2, frameHex: 'FF 00' });
  });

  it('drops a frame with a bad checksum, reporting why, and reads the next good one', async () => {
    const log = await open();
    const rejected = nextEvent(reader, 'record', (e) => e.verdict === 'rejected');
    const card = nextEvent(reader, 'card');
    pair.write(EM07);
    pair.write(EM01);
    expect(await rejected).toMatchObject({ reason: 'checksum mismatch: frame says 26, bytes give 86', frameHex: '02 31 30 30 30 32 36 46 34 34 34 32 36 03' });
    expect((await card).cardNumber).toBe('0006547886');
    expect(log.card).toHaveLength(1);
  });

  it('a card held on the reader (frames repeating) is one swipe within the debounce window', async () => {
    const log = await open({ debounceMs: 60_000 });
    const third = nextEvent(reader, 'record', () => log.record.length === 3);
    pair.write(Buffer.concat([EM01, EM01, EM01]));
    await third;
    expect(log.record.map((r) => r.verdict)).toEqual(['card', 'duplicate', 'duplicate']);
    expect(log.card).toHaveLength(1);
  });

  it('unplug (socat killed) reports disconnected; replug on the same path reconnects and reads without a restart', async () => {
    const log = await open();
    const disconnected = nextEvent(reader, 'status', (e) => e.status === 'disconnected');
    await pair.stop();
    // The poller reports EBADF, or a read in flight returns end of file (see hangupAwareBinding.ts).
    expect(await disconnected).toMatchObject({ reader: 'door', status: 'disconnected', message: expect.stringMatching(/bad file descriptor|hung up/) });

    const reconnected = nextEvent(reader, 'status', (e) => e.status === 'connected');
    await pair.start();
    await reconnected;
    const card = nextEvent(reader, 'card');
    pair.write(encodeRdm6300Frame('0C000621A5', 'id12la'));
    expect((await card).cardNumber).toBe('0000401829');
    expect(log.status.map((s) => s.status)).toEqual(['disconnected', 'connected']);
  });

  it('a partial frame cut off by an unplug is reported, never completed by the next device', async () => {
    await open();
    const arrived = nextEvent(reader, 'record', (e) => e.verdict === 'noise');
    const partial = nextEvent(reader, 'record', (e) => e.verdict === 'rejected');
    // One small write arrives as one read: the noise byte's event shows the partial frame arrived too.
    pair.write(Buffer.concat([bytes('FF'), EM01.subarray(0, 6)]));
    await arrived;
    await pair.stop();
    expect(await partial).toMatchObject({ reason: 'incomplete frame at end of input' });
  });

  it('a reader whose port is missing reports an error, then connects when the port appears', async () => {
    await pair.stop();
    reader = source(pair);
    const error = nextEvent(reader, 'status', (e) => e.status === 'error');
    reader.start();
    expect((await error).message).toMatch(/No such file or directory/);
    const connected = nextEvent(reader, 'status', (e) => e.status === 'connected');
    await pair.start();
    await connected;
  });

  it('twn4-cdc: ASCII hex + CR becomes the upper-case UID', async () => {
    await open({ preset: 'twn4-cdc' });
    const card = nextEvent(reader, 'card');
    pair.write('04a23c1a\r');
    expect(await card).toMatchObject({ raw: '04a23c1a', cardNumber: '04A23C1A' });
  });

  it('line with a pipeline: a Wiegand→RS-232 converter line 7B11D7 becomes card number 4567', async () => {
    await open({ preset: 'line', pipeline: 'substr:2|hex2dec' });
    const card = nextEvent(reader, 'card');
    pair.write('7B11D7\r\n');
    expect((await card).cardNumber).toBe('4567');
  });
});
