import { useEffect, useState } from 'react';
import type { KioskApi, TestSwipeResult } from '../../../src/contract/index.js';
import { useI18n } from '../i18n/I18nProvider.js';

/**
 * Test swipe: the next card of any reader goes through its pipeline and is looked up, and the
 * screen shows only the matched username, or that no user has this number. Nobody is signed in.
 */
export function TestSwipePanel(props: { readonly api: KioskApi; readonly hasReaders: boolean }) {
  const { api } = props;
  const { t } = useI18n();
  const [armed, setArmed] = useState(false);
  const [result, setResult] = useState<TestSwipeResult | null>(null);

  useEffect(
    () =>
      api.on('technicianTestSwipe', (payload) => {
        setArmed(false);
        setResult(payload);
      }),
    [api],
  );

  const arm = async () => {
    setResult(null);
    const answer = await api.technicianArmTestSwipe();
    setArmed(answer.ok);
  };

  return (
    <section className="technician-page" aria-labelledby="test-title" data-testid="technician-test">
      <h2 id="test-title">{t('tech.test.title')}</h2>
      <p className="technician-hint">{t('tech.test.intro')}</p>
      {!props.hasReaders ? <p className="info">{t('tech.noReader')}</p> : null}
      <button type="button" className="button button-primary button-large" data-testid="test-swipe" disabled={armed} onClick={() => void arm()}>
        {t('tech.test.arm')}
      </button>
      {armed ? (
        <p className="lead" role="status" data-testid="test-waiting">
          {t('tech.test.waiting')}
        </p>
      ) : null}
      {result ? (
        <div className="test-result" role="status" data-testid="test-result">
          <p>
            {t('tech.test.card')} <strong className="mono">{result.cardNumber}</strong> ({result.readerId})
          </p>
          {result.username !== null ? (
            <p className="lead" data-testid="test-user">
              {t('tech.test.user')(result.username)}
            </p>
          ) : (
            <p className="lead problem" data-testid="test-no-user">
              {t('tech.test.noUser')}
            </p>
          )}
        </div>
      ) : null}
    </section>
  );
}
