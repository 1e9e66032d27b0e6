import type { UserProfile } from '../../../src/protocol/userWeb.js';
import type { ApiProblem } from '../api/userApi.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { CardNumberPanel } from './CardNumberPanel.js';
import { ChangePinForm } from './ChangePinForm.js';

/** Change Details: exists only when the site allows a PIN or a Card/ID change (the menu hides it otherwise). */
export function ChangeDetailsPage(props: { readonly profile: UserProfile; readonly csrf: string; readonly onProblem: (problem: ApiProblem) => boolean; readonly onChanged: () => void }) {
  const i18n = useI18n();
  return (
    <>
      <h1>{i18n.t('changeDetails')}</h1>
      {props.profile.pin.allowed ? <ChangePinForm {...props} /> : null}
      {props.profile.card.allowed ? <CardNumberPanel {...props} /> : null}
    </>
  );
}

export function offersChangeDetails(profile: UserProfile): boolean {
  return profile.pin.allowed || profile.card.allowed;
}
