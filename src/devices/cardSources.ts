import { HidCardSource, nodeHidOpener, type HidOpener } from './hidCardSource.js';
import type { CheckedReaderConfig } from './readerConfig.js';
import type { ReconnectSettings, RetryingCardSource } from './retryingCardSource.js';
import { SerialCardSource } from './serialCardSource.js';

export interface CardSourceOptions {
  readonly hidOpener?: HidOpener;
  readonly reconnect?: ReconnectSettings;
}

/** The CardSource for a checked reader configuration, by its preset's channel. */
export function createCardSource(config: CheckedReaderConfig, options: CardSourceOptions = {}): RetryingCardSource {
  return config.preset.channel === 'hid'
    ? new HidCardSource(config, options.hidOpener ?? nodeHidOpener, options.reconnect)
    : new SerialCardSource(config, options.reconnect);
}
