import { useRef, useState } from 'react';
import type { KioskApi } from '../../../src/contract/index.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { TechnicianActions } from './technicianActions.js';

/**
 * Export the running readers as a reader profile file (a download), or import one: the host
 * checks it in full and runs its readers unsaved, so the technician sees them work before saving.
 */
export function ProfileTransfer(props: { readonly api: KioskApi; readonly actions: TechnicianActions }) {
  const { api, actions } = props;
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [imported, setImported] = useState<string | null>(null);

  const download = async () => {
    const result = await api.technicianExportProfile();
    if (!result.ok) return actions.problem(result.error);
    const url = URL.createObjectURL(new Blob([result.value.json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = result.value.fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const upload = async (file: File) => {
    const json = await file.text();
    const result = await api.technicianImportProfile({ json });
    if (!result.ok) return actions.problem(result.error);
    actions.setOverview(result.value);
    setImported(file.name);
  };

  return (
    <div className="profile-transfer">
      <h2>{t('tech.profile.title')}</h2>
      <p className="technician-hint">{t('tech.profile.intro')}</p>
      <div className="actions technician-action-bar">
        <button type="button" className="button button-secondary" data-testid="profile-export" onClick={() => void download()}>
          {t('tech.profile.export')}
        </button>
        <button type="button" className="button button-secondary" data-testid="profile-import" onClick={() => input.current?.click()}>
          {t('tech.profile.import')}
        </button>
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="profile-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void upload(file);
          }}
        />
      </div>
      {imported ? (
        <p className="info" role="status" data-testid="profile-imported">
          {t('tech.profile.imported')(imported)}
        </p>
      ) : null}
    </div>
  );
}
