import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';

/** Screen readers hear the countdown when it starts and once more at this many seconds left. */
const ANNOUNCE_AGAIN_AT = 10;

export interface IdleCountdownProps {
  readonly secondsLeft: number;
  readonly onStay: () => void;
  /** Before anyone signed in (the ID-entry keypad) the countdown leads back to the start, not to a logout. */
  readonly beforeSignIn?: boolean;
}

/** The last seconds before idle logout, counted down on screen with a way to stay. */
export function IdleCountdown(props: IdleCountdownProps) {
  const { t } = useI18n();
  const text = t(props.beforeSignIn ? 'idle.countdownBack' : 'idle.countdown');
  // What the live region says: the first value, replaced only at ANNOUNCE_AGAIN_AT; a region
  // rewritten every second would interrupt the person each second.
  const [announced, setAnnounced] = useState(props.secondsLeft);
  if (props.secondsLeft === ANNOUNCE_AGAIN_AT && announced !== ANNOUNCE_AGAIN_AT && announced > ANNOUNCE_AGAIN_AT) setAnnounced(ANNOUNCE_AGAIN_AT);
  return (
    <div className="idle-countdown" role="alertdialog" aria-labelledby="idle-countdown-text" data-testid="idle-countdown">
      <p id="idle-countdown-text">
        <span aria-hidden="true">{text(props.secondsLeft)}</span>
        <span className="visually-hidden" aria-live="polite" data-testid="idle-countdown-announcement">
          {text(announced)}
        </span>
      </p>
      <button type="button" className="button button-primary" onClick={props.onStay}>
        {t(props.beforeSignIn ? 'idle.continue' : 'idle.stay')}
      </button>
    </div>
  );
}
