import type { SerialPort } from 'serialport';
import { hangupAwareBinding } from './hangupAwareBinding.js';
import type { CheckedReaderConfig } from './readerConfig.js';
import { RetryingCardSource, type DeviceCallbacks, type OpenedDevice, type ReconnectSettings } from './retryingCardSource.js';

type SerialPortModule = typeof import('serialport');
let serialportModule: Promise<SerialPortModule> | undefined;

/** Loaded on first use, so CLI commands that never touch a port do not load the native binding. */
export function loadSerialport(): Promise<SerialPortModule> {
  serialportModule ??= import('serialport');
  return serialportModule;
}

/**
 * A reader on a serial port (USB CDC or RS-232) through serialport 13. Unplug shows up as a
 * `close` event whose error has `disconnected: true` (readers.md §4.2); the base class then
 * reports `disconnected` and reopens the same path with back-off until the device is back.
 */
export class SerialCardSource extends RetryingCardSource {
  constructor(private readonly config: CheckedReaderConfig, reconnect?: ReconnectSettings) {
    super(config.id, config.preset.createFramer(config.framer), config.pipeline, config.debounceMs, reconnect);
    if (!config.path) throw new Error(`reader ${config.id} has no serial port path`);
  }

  protected async open(callbacks: DeviceCallbacks): Promise<OpenedDevice> {
    const { SerialPort } = await loadSerialport();
    const { baudRate, dataBits, parity, stopBits } = this.config.serial;
    const binding = hangupAwareBinding(SerialPort.binding);
    const options = { path: this.config.path!, baudRate, dataBits, parity, stopBits, autoOpen: false, binding };
    const port: SerialPort = new SerialPort(options as ConstructorParameters<typeof SerialPort>[0]);
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    port.on('data', (chunk: Buffer) => callbacks.data(chunk));
    port.on('close', (error?: Error) => callbacks.lost(error?.message ?? 'port closed'));
    // Errors without a callback are emitted; a read error also closes the port (handled above).
    port.on('error', () => undefined);
    return {
      close: () => new Promise<void>((resolve) => {
        if (!port.isOpen) return resolve();
        port.close(() => resolve());
      }),
    };
  }
}
