import { useState, type FormEvent } from 'react';
import type { UserProfile } from '../../../src/protocol/userWeb.js';
import { userApi, type ApiProblem } from '../api/userApi.js';
import { Notice } from '../app/Notice.js';
import { problemText } from '../app/problemText.js';
import { TextField } from '../app/TextField.js';
import { useI18n } from '../i18n/I18nProvider.js';

export function ChangePinForm(props: { readonly profile: UserProfile; readonly csrf: string; readonly onProblem: (problem: ApiProblem) => boolean; readonly onChanged: () => void }) {
  const i18n = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [notice, setNotice] = useState<{ kind: 'alert' | 'status'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const { pin } = props.profile;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const answer = await userApi.changePin(props.csrf, { ...(pin.currentPinRequired ? { currentPin: current } : {}), newPin: next, confirmPin: confirm });
    setBusy(false);
    setCurrent('');
    setNext('');
    setConfirm('');
    if (answer.ok) {
      setNotice({ kind: 'status', text: i18n.t('pinChanged') });
      props.onChanged();
    } else if (!props.onProblem(answer.problem)) {
      setNotice({ kind: 'alert', text: problemText(i18n, answer.problem) });
    }
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="change-pin">
      <h2 id="change-pin">{i18n.t('changePinTitle')}</h2>
      <p id="pin-policy">{i18n.t('pinPolicy', { min: pin.minLength, max: pin.maxLength })}</p>
      {pin.currentPinRequired ? (
        <TextField label={i18n.t('currentPin')} value={current} onChange={setCurrent} type="password" autoComplete="off" numeric />
      ) : (
        <p>{i18n.t('noCurrentPinNeeded')}</p>
      )}
      <TextField label={i18n.t('newPin')} value={next} onChange={setNext} type="password" autoComplete="off" numeric />
      <TextField label={i18n.t('confirmNewPin')} value={confirm} onChange={setConfirm} type="password" autoComplete="off" numeric />
      <Notice kind={notice?.kind ?? 'status'} text={notice?.text ?? null} />
      <button type="submit" className="primary" disabled={busy}>
        {i18n.t('changePin')}
      </button>
    </form>
  );
}
