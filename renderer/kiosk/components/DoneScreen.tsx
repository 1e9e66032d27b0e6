import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { ScreenTitle } from './ScreenTitle.js';

/** The end of a flow: what changed, and one Done button back to the home screen. */
export function DoneScreen(props: { readonly testId: string; readonly title: string; readonly children?: ReactNode; readonly onDone: () => void }) {
  const { t } = useI18n();
  return (
    <section className="screen done-screen" aria-labelledby={`${props.testId}-title`} data-testid={props.testId}>
      <ScreenTitle id={`${props.testId}-title`} live>
        {props.title}
      </ScreenTitle>
      {props.children}
      <button type="button" className="button button-primary button-large" onClick={props.onDone}>
        {t('common.done')}
      </button>
    </section>
  );
}
