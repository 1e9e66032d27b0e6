import { useEffect, useState } from 'react';
import type { UserSummary } from '../../../src/protocol/userWeb.js';
import { userApi, type ApiProblem } from '../api/userApi.js';
import { Notice } from '../app/Notice.js';
import { problemText } from '../app/problemText.js';
import { useI18n } from '../i18n/I18nProvider.js';

export function SummaryPage(props: { readonly onProblem: (problem: ApiProblem) => boolean }) {
  const i18n = useI18n();
  const [summary, setSummary] = useState<UserSummary | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { onProblem } = props;
  useEffect(() => {
    let live = true;
    void userApi.summary().then((answer) => {
      if (!live) return;
      if (answer.ok) setSummary(answer.value);
      else if (!onProblem(answer.problem)) setProblem(problemText(i18n, answer.problem));
    });
    return () => {
      live = false;
    };
  }, [i18n, onProblem]);
  if (!summary) return <Notice kind="alert" text={problem} />;
  const { profile, recent } = summary;
  return (
    <>
      <h1>{i18n.t('summary')}</h1>
      <section className="panel" aria-labelledby="who">
        <h2 id="who">{profile.displayName}</h2>
        <dl className="facts">
          <dt>{i18n.t('username')}</dt>
          <dd>{profile.username}</dd>
          <dt>{i18n.t('email')}</dt>
          <dd>{profile.email || i18n.t('none')}</dd>
          <dt>{i18n.t('primaryCard')}</dt>
          <dd className="number">{profile.cards.primary ?? i18n.t('none')}</dd>
          <dt>{i18n.t('secondaryCard')}</dt>
          <dd className="number">{profile.cards.secondary ?? i18n.t('none')}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="recent">
        <h2 id="recent">{i18n.t('recentActivity')}</h2>
        {recent.length === 0 ? (
          <p>{i18n.t('noActivity')}</p>
        ) : (
          <ul className="activity">
            {recent.map((event, index) => {
              const kind = `kind.${event.kind}`;
              return (
                <li key={`${event.at}-${index}`}>
                  <time dateTime={new Date(event.at).toISOString()}>{i18n.formatDateTime(event.at)}</time>{' '}
                  {i18n.has(kind) ? i18n.t(kind) : event.kind} — {i18n.t(event.where === 'kiosk' ? 'atKiosk' : 'onWeb')}
                  {event.outcome === 'failure' ? ` (${i18n.t('failed')})` : ''}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
