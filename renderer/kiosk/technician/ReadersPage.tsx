import { useCallback, useEffect, useState } from 'react';
import type { DiscoveredDeviceView, KioskApi, ReaderEntry, ReadersOverview } from '../../../src/contract/index.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { PlainKey } from '../i18n/messages.js';
import { ProfileTransfer } from './ProfileTransfer.js';
import { ReaderForm, newEntryFor } from './ReaderForm.js';
import { readerName } from './readerName.js';
import type { TechnicianActions } from './technicianActions.js';

const STATE_TEXT: { readonly [S in ReadersOverview['readers'][number]['state']]: PlainKey } = {
  ready: 'tech.readers.state.ready',
  disconnected: 'tech.readers.state.disconnected',
  error: 'tech.readers.state.error',
};

const ORIGIN_TEXT: { readonly [O in DiscoveredDeviceView['origin']]: PlainKey } = {
  system: 'tech.readers.origin.system',
  configured: 'tech.readers.origin.configured',
  extra: 'tech.readers.origin.extra',
};

/** A device listing line: VID:PID, names, path; every field the OS knows, nothing made up. */
function usbId(device: DiscoveredDeviceView): string | null {
  return device.vendorId && device.productId ? `${device.vendorId}:${device.productId}` : null;
}

/**
 * The readers page: readers in use with their status, and every serial port and HID device the
 * kiosk can see, with the preset proposed for known VID:PIDs. Choosing one opens the reader form;
 * several readers may run at once.
 */
export function ReadersPage(props: { readonly api: KioskApi; readonly overview: ReadersOverview | null; readonly actions: TechnicianActions }) {
  const { api, overview, actions } = props;
  const { t } = useI18n();
  const [devices, setDevices] = useState<DiscoveredDeviceView[] | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [editing, setEditing] = useState<{ entry: ReaderEntry; channel: 'serial' | 'hid'; isNew: boolean } | null>(null);

  const discover = useCallback(async () => {
    const result = await api.technicianDiscover();
    if (!result.ok) return actions.problem(result.error);
    setDevices(result.value.devices);
    setWarnings(result.value.warnings);
  }, [api, actions]);

  useEffect(() => {
    void discover();
    // Once when the page opens; "Search again" repeats it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (!overview) return <p className="info">{t('tech.loading')}</p>;
  const running = overview.readers.map((r) => r.entry);

  if (editing) {
    return (
      <ReaderForm
        entry={editing.entry}
        channel={editing.channel}
        presets={overview.presets}
        onCancel={() => setEditing(null)}
        onSave={async (entry) => {
          const others = running.filter((r) => r.id !== editing.entry.id && r.id !== entry.id);
          const position = running.findIndex((r) => r.id === editing.entry.id);
          const next = position < 0 ? [...others, entry] : [...others.slice(0, position), entry, ...others.slice(position)];
          if (await actions.apply(next)) {
            setEditing(null);
            actions.select(entry.id);
          }
        }}
      />
    );
  }

  return (
    <section className="technician-page" aria-labelledby="readers-title" data-testid="technician-readers">
      <h2 id="readers-title">{t('tech.readers.inUse')}</h2>
      {overview.readers.length === 0 ? <p className="info">{t('tech.readers.none')}</p> : null}
      <ul className="reader-list">
        {overview.readers.map(({ entry, state, message, givenAtStart }) => (
          <li key={entry.id} className="reader-item" data-testid="reader-in-use" data-reader={entry.id}>
            <div className="reader-facts">
              <strong>{readerName(entry)}</strong>
              {givenAtStart ? (
                <span className="status-pill status-pill-given" data-testid="reader-given-at-start">
                  {t('tech.readers.givenAtStart')}
                </span>
              ) : null}
              <span>{t('tech.readers.presetIs')(entry.preset)}</span>
              <span className="mono">{entry.path ?? entry.hid ?? entry.id}</span>
              <span>{t('tech.readers.pipelineIs')(entry.pipeline === '' ? t('tech.pipeline.none') : entry.pipeline)}</span>
              <span className={`status-pill status-pill-${state}`} data-testid="reader-state">
                {t(STATE_TEXT[state])}
                {message ? ` — ${message}` : ''}
              </span>
              {givenAtStart ? <span className="technician-hint">{t('tech.readers.givenAtStartHint')}</span> : null}
            </div>
            <div className="actions">
              <button type="button" className="button button-secondary" onClick={() => actions.select(entry.id, 'live')}>
                {t('tech.tab.live')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setEditing({ entry, channel: entry.hid ? 'hid' : 'serial', isNew: false })}>
                {t('tech.readers.edit')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => void actions.apply(running.filter((r) => r.id !== entry.id))}>
                {t('tech.readers.remove')}
              </button>
            </div>
          </li>
        ))}
      </ul>

      {overview.keyboardWedge ? (
        <p className="technician-hint" data-testid="reader-wedge">
          {t('tech.wedge.readers')}
        </p>
      ) : null}

      <div className="technician-subhead">
        <h2>{t('tech.readers.detected')}</h2>
        <button type="button" className="button button-secondary" data-testid="discover-again" onClick={() => void discover()}>
          {t('tech.readers.searchAgain')}
        </button>
      </div>
      {warnings.map((warning) => (
        <p key={warning} className="warning technician-warning">
          {t('tech.readers.warning')(warning)}
        </p>
      ))}
      {devices === null ? <p className="info">{t('tech.loading')}</p> : null}
      {devices !== null && devices.length === 0 ? <p className="info">{t('tech.readers.noDevices')}</p> : null}
      {devices !== null && devices.length > 0 ? (
        <table className="technician-table device-table">
          <thead>
            <tr>
              <th scope="col">{t('tech.readers.channel')}</th>
              <th scope="col">{t('tech.readers.path')}</th>
              <th scope="col">{t('tech.readers.usbId')}</th>
              <th scope="col">{t('tech.readers.name')}</th>
              <th scope="col">{t('tech.readers.proposal')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('tech.readers.action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {devices.map((device) => {
              const inUse = running.some((r) => r.path === device.path || r.hid === device.path);
              return (
                <tr key={`${device.channel}:${device.path}`} data-testid="detected-device" data-path={device.path}>
                  <td>{t(device.channel === 'hid' ? 'tech.readers.channel.hid' : 'tech.readers.channel.serial')}</td>
                  <td className="mono">{device.path}</td>
                  <td className="mono">{usbId(device) ?? '—'}</td>
                  <td>{[device.manufacturer, device.product].filter(Boolean).join(' ') || (device.origin === 'system' ? '—' : t(ORIGIN_TEXT[device.origin]))}</td>
                  <td>{device.proposal ? `${device.proposal.preset} (${device.proposal.note})` : '—'}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-primary"
                      data-testid="use-device"
                      disabled={inUse}
                      onClick={() => setEditing({ entry: newEntryFor(device, overview.presets, running), channel: device.channel, isNew: true })}
                    >
                      {inUse ? t('tech.readers.inUseShort') : t('tech.readers.use')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <ProfileTransfer api={api} actions={actions} />
    </section>
  );
}
