import { normaliseUsbId, proposePreset, type PresetName, type ReaderChannel } from './readerPresets.js';
import { loadSerialport } from './serialCardSource.js';

/** A serial port or HID device that might be a reader (readers.md §4.2, §4.1). */
export interface DiscoveredDevice {
  readonly channel: ReaderChannel;
  readonly path: string;
  /** Lower-case 4-digit hex, when the OS knows it (serial ports in containers often do not). */
  readonly vendorId?: string;
  readonly productId?: string;
  readonly manufacturer?: string;
  readonly product?: string;
  readonly serialNumber?: string;
  /** HID: which collection (a keyboard is usage page 1, usage 6). */
  readonly usagePage?: number;
  readonly usage?: number;
  readonly interface?: number;
  readonly proposal?: { readonly preset: PresetName; readonly note: string };
}

export interface Discovery {
  readonly devices: readonly DiscoveredDevice[];
  /** Why a channel could not be listed (e.g. `spawn udevadm ENOENT`); the other channel still is. */
  readonly warnings: readonly string[];
}

export interface SerialPortListing {
  path: string;
  manufacturer?: string | undefined;
  serialNumber?: string | undefined;
  pnpId?: string | undefined;
  vendorId?: string | undefined;
  productId?: string | undefined;
}

export interface HidDeviceListing {
  vendorId: number;
  productId: number;
  path?: string | undefined;
  serialNumber?: string | undefined;
  manufacturer?: string | undefined;
  product?: string | undefined;
  interface: number;
  usagePage?: number | undefined;
  usage?: number | undefined;
}

export interface DiscoverySources {
  listSerial(): Promise<SerialPortListing[]>;
  listHid(): Promise<HidDeviceListing[]>;
}

export const systemDiscoverySources: DiscoverySources = {
  async listSerial() {
    const { SerialPort } = await loadSerialport();
    return SerialPort.list();
  },
  async listHid() {
    const { devicesAsync } = await import('node-hid');
    return devicesAsync();
  },
};

/** Drops missing and blank fields, so listings show only what the OS actually knows. */
function compact(record: Record<string, string | number | object | undefined>): DiscoveredDevice {
  const entries = Object.entries(record)
    .map(([key, value]) => [key, typeof value === 'string' ? value.trim() : value] as const)
    .filter(([, value]) => value !== undefined && value !== '');
  return Object.fromEntries(entries) as unknown as DiscoveredDevice;
}

/**
 * Lists serial ports and HID devices with their USB identity and the preset proposed for known
 * VID:PIDs. Pseudo-terminals are never listed by SerialPort.list() (readers.md §4.2): configure
 * those by path.
 */
export async function discoverReaders(sources: DiscoverySources = systemDiscoverySources): Promise<Discovery> {
  const warnings: string[] = [];
  const devices: DiscoveredDevice[] = [];
  const [serial, hid] = await Promise.allSettled([sources.listSerial(), sources.listHid()]);
  if (serial.status === 'fulfilled') {
    for (const port of serial.value) {
      const vendorId = normaliseUsbId(port.vendorId);
      const productId = normaliseUsbId(port.productId);
      const proposal = proposePreset(vendorId, productId, 'serial');
      devices.push(compact({
        channel: 'serial', path: port.path, vendorId, productId, manufacturer: port.manufacturer,
        product: port.pnpId, serialNumber: port.serialNumber, proposal,
      }));
    }
  } else {
    warnings.push(`serial ports could not be listed: ${String((serial.reason as Error)?.message ?? serial.reason)}`);
  }
  if (hid.status === 'fulfilled') {
    for (const device of hid.value) {
      const vendorId = normaliseUsbId(device.vendorId);
      const productId = normaliseUsbId(device.productId);
      const proposal = proposePreset(vendorId, productId, 'hid');
      devices.push(compact({
        channel: 'hid', path: device.path ?? `${vendorId}:${productId}`, vendorId, productId,
        manufacturer: device.manufacturer, product: device.product, serialNumber: device.serialNumber,
        usagePage: device.usagePage, usage: device.usage, interface: device.interface, proposal,
      }));
    }
  } else {
    warnings.push(`HID devices could not be listed: ${String((hid.reason as Error)?.message ?? hid.reason)}`);
  }
  return { devices, warnings };
}
