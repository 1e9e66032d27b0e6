import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';

/** A secret or command shown once, with a button that puts it on the clipboard. */
export function CopyText(props: { readonly text: string; readonly testId: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-text">
      <pre><code data-testid={props.testId}>{props.text}</code></pre>
      <button type="button" className="secondary" onClick={() => void navigator.clipboard?.writeText(props.text).then(() => setCopied(true), () => undefined)}>{t('common.copy')}</button>
      {copied && <span role="status">{t('common.copied')}</span>}
    </div>
  );
}
