import { useState } from 'react';
import type { DiscoveredDeviceView, PresetView, ReaderEntry, SerialSettingsInput } from '../../../src/contract/index.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { ChoiceRow } from './ChoiceRow.js';
import { presetSummaryKey } from './presetText.js';

const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;
const DATA_BITS = [7, 8] as const;
const PARITIES = ['none', 'even', 'odd'] as const;
const STOP_BITS = [1, 2] as const;
const TERMINATORS = ['any', 'cr', 'lf', 'crlf'] as const;
const LINE_PRESETS = new Set(['line', 'twn4-cdc']);

/** A new reader for a detected device: its proposed preset (else a generic one) and that preset's pipeline. */
export function newEntryFor(device: DiscoveredDeviceView, presets: readonly PresetView[], running: readonly ReaderEntry[]): ReaderEntry {
  const fitting = presets.filter((p) => p.channel === device.channel);
  const preset = fitting.find((p) => p.name === device.proposal?.preset) ?? fitting.find((p) => p.name === 'line') ?? fitting[0];
  const base = device.channel === 'hid' ? `${device.vendorId ?? 'hid'}:${device.productId ?? device.path}` : device.path;
  let id = base;
  for (let n = 2; running.some((r) => r.id === id); n++) id = `${base}#${n}`;
  const entry: ReaderEntry = { id, preset: preset?.name ?? '', pipeline: preset?.defaultPipeline ?? '' };
  return device.channel === 'hid' ? { ...entry, hid: usbIdOrPath(device) } : { ...entry, path: device.path };
}

function usbIdOrPath(device: DiscoveredDeviceView): string {
  return device.vendorId && device.productId ? `${device.vendorId}:${device.productId}` : device.path;
}

/**
 * One reader's settings with touch controls only: the preset, the serial parameters and the line
 * ending. Changing the preset also resets the pipeline to the new preset's own, unless the
 * technician had changed it.
 */
export function ReaderForm(props: {
  readonly entry: ReaderEntry;
  readonly channel: 'serial' | 'hid';
  readonly presets: readonly PresetView[];
  readonly onSave: (entry: ReaderEntry) => void;
  readonly onCancel: () => void;
}) {
  const { t } = useI18n();
  const [entry, setEntry] = useState<ReaderEntry>(props.entry);
  const presets = props.presets.filter((p) => p.channel === props.channel);
  const preset = presets.find((p) => p.name === entry.preset);
  const serial: Required<SerialSettingsInput> = {
    baudRate: entry.serial?.baudRate ?? preset?.serial?.baudRate ?? 9600,
    dataBits: entry.serial?.dataBits ?? ((preset?.serial?.dataBits ?? 8) as 5 | 6 | 7 | 8),
    parity: entry.serial?.parity ?? ((preset?.serial?.parity ?? 'none') as 'none'),
    stopBits: entry.serial?.stopBits ?? ((preset?.serial?.stopBits ?? 1) as 1 | 2),
  };
  const setSerial = (patch: Partial<SerialSettingsInput>) => setEntry((current) => ({ ...current, serial: { ...serial, ...patch } }));
  const choosePreset = (name: string) => {
    const next = presets.find((p) => p.name === name);
    setEntry((current) => {
      const pipelineUntouched = current.pipeline === (preset?.defaultPipeline ?? '');
      const { serial: _dropped, framer: _framer, ...rest } = current;
      return { ...rest, preset: name, pipeline: pipelineUntouched ? (next?.defaultPipeline ?? '') : current.pipeline };
    });
  };

  return (
    <section className="technician-page reader-form" aria-labelledby="reader-form-title" data-testid="reader-form">
      <h2 id="reader-form-title">{t('tech.form.title')(entry.path ?? entry.hid ?? entry.id)}</h2>
      <ChoiceRow
        label={t('tech.form.preset')}
        testId="choose-preset"
        options={presets.map((p) => ({ value: p.name, text: p.name }))}
        value={entry.preset}
        onChange={choosePreset}
      />
      {preset ? <p className="technician-hint">{presetSummaryKey(preset.name) ? t(presetSummaryKey(preset.name)!) : preset.summary}</p> : null}
      {props.channel === 'serial' ? (
        <>
          <ChoiceRow
            label={t('tech.form.baud')}
            testId="choose-baud"
            options={BAUD_RATES.map((b) => ({ value: String(b), text: String(b) }))}
            value={String(serial.baudRate)}
            onChange={(v) => setSerial({ baudRate: Number(v) })}
          />
          <ChoiceRow
            label={t('tech.form.dataBits')}
            options={DATA_BITS.map((b) => ({ value: String(b), text: String(b) }))}
            value={String(serial.dataBits)}
            onChange={(v) => setSerial({ dataBits: Number(v) as 7 | 8 })}
          />
          <ChoiceRow
            label={t('tech.form.parity')}
            options={PARITIES.map((p) => ({ value: p, text: t(`tech.form.parity.${p}`) }))}
            value={serial.parity}
            onChange={(v) => setSerial({ parity: v as (typeof PARITIES)[number] })}
          />
          <ChoiceRow
            label={t('tech.form.stopBits')}
            options={STOP_BITS.map((b) => ({ value: String(b), text: String(b) }))}
            value={String(serial.stopBits)}
            onChange={(v) => setSerial({ stopBits: Number(v) as 1 | 2 })}
          />
        </>
      ) : null}
      {LINE_PRESETS.has(entry.preset) ? (
        <ChoiceRow
          label={t('tech.form.terminator')}
          options={TERMINATORS.map((term) => ({ value: term, text: t(`tech.form.terminator.${term}`) }))}
          value={entry.framer?.terminator ?? 'any'}
          onChange={(v) => setEntry((current) => ({ ...current, framer: { ...current.framer, terminator: v as (typeof TERMINATORS)[number] } }))}
        />
      ) : null}
      <p className="technician-hint">{t('tech.readers.pipelineIs')(entry.pipeline === '' ? t('tech.pipeline.none') : entry.pipeline)}</p>
      <div className="actions technician-action-bar">
        <button type="button" className="button button-primary" data-testid="reader-form-apply" disabled={!preset} onClick={() => props.onSave(entry)}>
          {t('tech.form.apply')}
        </button>
        <button type="button" className="button button-secondary" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}
