import type { CheckedReaderConfig, HidTarget } from './readerConfig.js';
import { RetryingCardSource, type DeviceCallbacks, type OpenedDevice, type ReconnectSettings } from './retryingCardSource.js';

/** The part of node-hid's HIDAsync a reader uses; tests substitute a named fake (no HID device exists there). */
export interface HidDevice {
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeAllListeners(event?: string): unknown;
  close(): Promise<void>;
}

export type HidOpener = (target: HidTarget) => Promise<HidDevice>;

/** node-hid 3 HIDAsync, loaded on first use so commands that never open HID do not load the native module. */
export const nodeHidOpener: HidOpener = async (target) => {
  const { HIDAsync } = await import('node-hid');
  return 'path' in target ? HIDAsync.open(target.path) : HIDAsync.open(target.vendorId, target.productId);
};

/**
 * A keyboard-mode reader read as raw HID reports (Linux hidraw, readers.md §2.5). node-hid has no
 * unplug event: an unplug surfaces as `error` ("could not read from HID device"), after which the
 * device is closed and re-opened with back-off (readers.md §4.1).
 */
export class HidCardSource extends RetryingCardSource {
  constructor(
    private readonly config: CheckedReaderConfig,
    private readonly opener: HidOpener = nodeHidOpener,
    reconnect?: ReconnectSettings,
  ) {
    super(config.id, config.preset.createFramer(config.framer), config.pipeline, config.debounceMs, reconnect);
    if (!config.hid) throw new Error(`reader ${config.id} has no HID device`);
  }

  protected async open(callbacks: DeviceCallbacks): Promise<OpenedDevice> {
    const device = await this.opener(this.config.hid!);
    device.on('data', (data) => callbacks.data(data));
    device.on('error', (error) => callbacks.lost(error.message));
    return {
      close: async () => {
        // Remove listeners before closing: HIDAsync crashed on close with listeners attached before 3.1 (#537).
        device.removeAllListeners('data');
        await device.close();
        device.removeAllListeners('error');
      },
    };
  }
}
