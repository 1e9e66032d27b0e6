import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { ConfigEntry, ConfigValueInput } from '../../../src/protocol/admin/adminSchemas.js';
import { CONFIG_QUERY, useConfig } from '../api/configQueries.js';
import { api } from '../api/endpoints.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { QueryState } from '../components/QueryState.js';
import { DataTable } from '../components/DataTable.js';
import { useI18n } from '../i18n/I18nProvider.js';

/** PaperCut's Options > Actions > Config editor (advanced): one row per key, Quick find + GO. */
export function ConfigEditorScreen() {
  const { t, formatNumber } = useI18n();
  const config = useConfig();
  const [typed, setTyped] = useState('');
  const [filter, setFilter] = useState('');
  const findId = useId();

  function go(event: FormEvent) {
    event.preventDefault();
    setFilter(typed.trim().toLowerCase());
  }

  return (
    <section aria-labelledby="config-heading">
      <h1 id="config-heading">{t('config.heading')}</h1>
      <form role="search" className="quick-find" onSubmit={go}>
        <label htmlFor={findId}>{t('config.quickFind')}</label>
        <input id={findId} type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
        <button type="submit">{t('config.go')}</button>
      </form>
      <QueryState query={config}>
        {(keys) => {
          const rows = keys.filter((entry) => !filter || entry.name.toLowerCase().includes(filter) || entry.description.toLowerCase().includes(filter));
          return (
            <>
              <p role="status">{t('config.showing')(formatNumber(rows.length), formatNumber(keys.length))}</p>
              <DataTable label={t('config.heading')} className="config-table" columns={[t('config.name'), t('config.value'), t('config.default'), t('config.range'), t('config.description'), t('config.changed'), t('config.actions')]}>
                    {rows.map((entry) => <ConfigRow key={entry.name} entry={entry} />)}
                  </DataTable>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

/** The text in the value box back to the key's type; the server still validates range and rules. */
function parseValue(entry: ConfigEntry, text: string): ConfigValueInput {
  if (entry.type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  if (entry.type === 'integer') return /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : text;
  return text;
}

function ConfigRow(props: { readonly entry: ConfigEntry }) {
  const { entry } = props;
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [text, setText] = useState(String(entry.value));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function save(value: ConfigValueInput) {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const updated = await api.setConfig(entry.name, value);
      setText(String(updated.value));
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: CONFIG_QUERY });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  // "Changed" means the value differs from the default. Reset to default writes the default value
  // (a new change every kiosk receives through the change feed), so the key stays explicitly set.
  const atDefault = entry.value === entry.default;
  return (
    <tr data-key={entry.name}>
      <th scope="row"><code>{entry.name}</code></th>
      <td>
        <input aria-label={t('config.valueOf')(entry.name)} value={text} onChange={(e) => setText(e.target.value)} />
        {error !== null && <ErrorAlert error={error} />}
        {saved && <p role="status" className="success">{t('config.saved')(entry.name)}</p>}
      </td>
      <td><code>{String(entry.default)}</code></td>
      <td>{entry.range}</td>
      <td>{entry.description}</td>
      <td>{atDefault ? '' : <span className="changed-marker">{t('config.changedMarker')}</span>}</td>
      <td className="row-actions">
        <button type="button" disabled={busy} aria-label={t('config.updateOf')(entry.name)} onClick={() => void save(parseValue(entry, text))}>{t('config.update')}</button>
        <button type="button" disabled={busy || atDefault} aria-label={t('config.resetOf')(entry.name)} onClick={() => void save(entry.default)} className="secondary">{t('config.reset')}</button>
      </td>
    </tr>
  );
}
