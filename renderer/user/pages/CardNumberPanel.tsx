import { useState, type FormEvent } from 'react';
import type { UserProfile } from '../../../src/protocol/userWeb.js';
import { userApi, type ApiProblem } from '../api/userApi.js';
import { Notice } from '../app/Notice.js';
import { problemText } from '../app/problemText.js';
import { TextField } from '../app/TextField.js';
import { useI18n } from '../i18n/I18nProvider.js';

export function CardNumberPanel(props: { readonly profile: UserProfile; readonly csrf: string; readonly onProblem: (problem: ApiProblem) => boolean; readonly onChanged: () => void }) {
  const i18n = useI18n();
  const [typed, setTyped] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { card, cards } = props.profile;
  const change = async (manualNumber: string | null) => {
    setBusy(true);
    setShown(null);
    setProblem(null);
    const answer = await userApi.changeCard(props.csrf, manualNumber);
    setBusy(false);
    if (answer.ok) {
      setTyped('');
      setShown(answer.value.cardNumber);
      props.onChanged();
    } else if (!props.onProblem(answer.problem)) {
      setProblem(problemText(i18n, answer.problem));
    }
  };
  const submitTyped = (event: FormEvent) => {
    event.preventDefault();
    void change(typed);
  };
  return (
    <section className="panel" aria-labelledby="card-number">
      <h2 id="card-number">{i18n.t('cardTitle')}</h2>
      <dl className="facts">
        <dt>{i18n.t('yourNumber', { field: i18n.t(card.field) })}</dt>
        <dd className="number">{cards[card.field] ?? i18n.t('none')}</dd>
      </dl>
      <p>{i18n.t('changesLeft', { n: card.changesLeftToday, limit: card.limitPerDay })}</p>
      {shown !== null ? (
        <div role="status" className="new-number">
          <p>{i18n.t('newNumberShown')}</p>
          <p className="big-number">{shown}</p>
        </div>
      ) : null}
      <Notice kind="alert" text={problem} />
      <p className="hint">{i18n.t('changeNumberHelp')}</p>
      <button type="button" className="primary" disabled={busy} onClick={() => void change(null)}>
        {i18n.t('changeNumber')}
      </button>
      {card.autoGenerateOnly ? null : (
        <form onSubmit={submitTyped} className="typed-number">
          <TextField label={i18n.t('typeNumber')} value={typed} onChange={setTyped} autoComplete="off" numeric />
          <button type="submit" disabled={busy || typed === ''}>
            {i18n.t('setNumber')}
          </button>
        </form>
      )}
    </section>
  );
}
