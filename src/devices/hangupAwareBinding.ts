import { read } from 'node:fs';
import { promisify } from 'node:util';
import type { SerialPort } from 'serialport';

const readAsync = promisify(read);

type Binding = typeof SerialPort.binding;
type OpenedPort = Awaited<ReturnType<Binding['open']>>;

/** What the Unix bindings of @serialport/bindings-cpp 13 expose on an open port. */
interface UnixPort {
  fd: number | null;
  readonly isOpen: boolean;
  poller: { once(event: 'readable', callback: (error?: Error | null) => void): unknown };
  read(buffer: Buffer, offset: number, length: number): Promise<{ bytesRead: number; buffer: Buffer }>;
}

function isUnixPort(port: unknown): port is UnixPort {
  const candidate = port as Partial<UnixPort>;
  return typeof candidate.fd === 'number' && typeof candidate.poller?.once === 'function';
}

function canceled(): Error {
  return Object.assign(new Error('Port is not open'), { canceled: true });
}

/**
 * bindings-cpp 13's unixRead retries forever when read() returns 0 bytes, and 0 bytes is exactly
 * what a hung-up tty returns when its device goes away during a read (open bug
 * serialport/bindings-cpp#162; PR #164 was closed unmerged). The kiosk then spins a core and never
 * sees the unplug. This read treats end of file as the disconnect it is; everything else matches
 * upstream (EAGAIN waits for the poller, other errors disconnect the stream).
 */
async function hangupAwareRead(port: UnixPort, buffer: Buffer, offset: number, length: number) {
  for (;;) {
    if (!port.isOpen || port.fd === null) throw canceled();
    try {
      const { bytesRead } = await readAsync(port.fd, buffer, offset, length, null);
      if (bytesRead === 0) throw Object.assign(new Error('device hung up (end of file)'), { disconnect: true });
      return { bytesRead, buffer };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EAGAIN' && code !== 'EWOULDBLOCK' && code !== 'EINTR') throw error;
      if (!port.isOpen) throw canceled();
      await new Promise<void>((resolve, reject) => port.poller.once('readable', (e) => (e ? reject(e) : resolve())));
    }
  }
}

/** The platform binding with hangupAwareRead on Unix ports (Windows ports are left as they are). */
export function hangupAwareBinding(base: Binding): Binding {
  return {
    ...base,
    list: () => base.list(),
    async open(options: Parameters<Binding['open']>[0]): Promise<OpenedPort> {
      const port = await base.open(options);
      if (isUnixPort(port)) port.read = (buffer, offset, length) => hangupAwareRead(port, buffer, offset, length);
      return port;
    },
  } as Binding;
}
