import { closeSync, openSync } from 'node:fs';
import { SerialPort } from 'serialport';
import { hangupAwareBinding } from '../../../src/devices/hangupAwareBinding.js';

type Binding = typeof SerialPort.binding;

describe('hangup-aware serial binding (bindings-cpp#162 workaround)', () => {
  it('turns a 0-byte read (a hung-up tty, here /dev/null at end of file) into a disconnect instead of spinning', async () => {
    const fd = openSync('/dev/null', 'r');
    // A stand-in for the platform binding whose "port" is a real fd that reads end of file at once.
    const stubPort = { fd, isOpen: true, poller: { once: () => undefined }, read: () => new Promise<never>(() => undefined) };
    const stubBinding = { list: async () => [], open: async () => stubPort } as unknown as Binding;
    try {
      const port = await hangupAwareBinding(stubBinding).open({ path: '/dev/null', baudRate: 9600 });
      await expect(port.read(Buffer.alloc(16), 0, 16)).rejects.toMatchObject({ message: 'device hung up (end of file)', disconnect: true });
    } finally {
      closeSync(fd);
    }
  });

  it('keeps the platform binding for listing ports', async () => {
    const binding = hangupAwareBinding(SerialPort.binding);
    expect(Array.isArray(await binding.list())).toBe(true);
  });
});
