import type { PresetView } from '../../contract/index.js';
import { err, ok, type Result } from '../../core/index.js';
import type { CardSourceEvents } from '../../devices/cardSource.js';
import { createCardSource, type CardSourceOptions } from '../../devices/cardSources.js';
import { compilePipeline } from '../../devices/pipeline.js';
import { searchPipelines } from '../../devices/pipelineSearch.js';
import { discoverReaders, type DiscoverySources } from '../../devices/readerDiscovery.js';
import type { RetryingCardSource } from '../../devices/retryingCardSource.js';
import { checkReaderEntry, presetViews } from './readerEntryCheck.js';
import type { CheckedReader, ReaderDriver, TechnicianCardSource } from './technicianPorts.js';

/** A src/devices reader as technician mode sees it: the CardSource, and live pipeline changes without reopening the port. */
class DeviceReader implements TechnicianCardSource {
  constructor(private readonly source: RetryingCardSource) {}

  get reader(): string {
    return this.source.reader;
  }

  get status() {
    return this.source.status;
  }

  on<E extends keyof CardSourceEvents>(event: E, listener: (payload: CardSourceEvents[E]) => void): () => void {
    return this.source.on(event, listener);
  }

  start(): void {
    this.source.start();
  }

  stop(): Promise<void> {
    return this.source.stop();
  }

  setPipeline(text: string): boolean {
    const compiled = compilePipeline(text);
    if (!compiled.ok) return false;
    this.source.setPipeline(compiled.value);
    return true;
  }
}

export interface DevicesReaderDriverOptions {
  readonly discovery?: DiscoverySources;
  readonly sources?: CardSourceOptions;
}

/** The ReaderDriver port on src/devices: presets, deep checks, serial and HID card sources, discovery. */
export function createDevicesReaderDriver(options: DevicesReaderDriverOptions = {}): ReaderDriver {
  const presets: readonly PresetView[] = presetViews();
  return {
    presets: () => presets,
    check(entry): Result<CheckedReader, string> {
      const checked = checkReaderEntry(entry);
      return checked.ok ? ok({ entry, kind: checked.value.preset.channel }) : err(checked.error);
    },
    open(reader) {
      const checked = checkReaderEntry(reader.entry);
      if (!checked.ok) throw new Error(`reader ${reader.entry.id}: ${checked.error}`);
      return new DeviceReader(createCardSource(checked.value, options.sources));
    },
    setPipeline(source, reader) {
      return source instanceof DeviceReader && source.setPipeline(reader.entry.pipeline);
    },
    async discover() {
      const found = await discoverReaders(options.discovery);
      return { devices: found.devices.map((device) => ({ ...device })), warnings: found.warnings };
    },
    suggestPipelines(samples) {
      const found = searchPipelines(samples);
      return found.ok ? ok({ proposals: [...found.value.proposals], ambiguous: found.value.ambiguous, examined: found.value.examined }) : found;
    },
  };
}
