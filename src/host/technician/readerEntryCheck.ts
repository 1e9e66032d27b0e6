import type { PresetView, ReaderEntry } from '../../contract/index.js';
import { err, ok, type Result } from '../../core/index.js';
import { checkReaderConfig, type CheckedReaderConfig, type ReaderConfig } from '../../devices/readerConfig.js';
import { PRESET_NAMES, READER_PRESETS } from '../../devices/readerPresets.js';

/** A profile entry as src/devices configures a reader (the label is the profile's own). */
export function readerConfigOf(entry: ReaderEntry): ReaderConfig {
  const { label: _label, ...config } = entry;
  return config;
}

/**
 * Checks a profile entry as deeply as src/devices can without opening anything: known preset, the
 * channel's target (serial path or HID VID:PID), parameters and every pipeline step.
 */
export function checkReaderEntry(entry: ReaderEntry): Result<CheckedReaderConfig, string> {
  const preset = READER_PRESETS[entry.preset as keyof typeof READER_PRESETS];
  if (preset && preset.channel === 'serial' && entry.hid !== undefined) return err(`preset ${entry.preset} reads a serial port: give "path", not "hid"`);
  if (preset && preset.channel === 'hid' && entry.path !== undefined) return err(`preset ${entry.preset} reads a USB HID device: give "hid", not "path"`);
  const checked = checkReaderConfig(readerConfigOf(entry));
  return checked.ok ? ok(checked.value) : checked;
}

/** The presets as the technician screens list them. */
export function presetViews(): PresetView[] {
  return PRESET_NAMES.map((name) => {
    const preset = READER_PRESETS[name];
    return {
      name,
      channel: preset.channel,
      summary: preset.summary,
      defaultPipeline: preset.defaultPipeline,
      ...(preset.serial ? { serial: { ...preset.serial } } : {}),
    };
  });
}
