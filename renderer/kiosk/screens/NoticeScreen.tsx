import type { Notice } from '../app/notice.js';
import { useI18n, type I18n } from '../i18n/I18nProvider.js';

interface NoticeText {
  readonly title: string;
  readonly lines: readonly string[];
}

function noticeText(notice: Notice, i18n: I18n): NoticeText {
  const { t } = i18n;
  switch (notice.kind) {
    case 'unknown-card':
      return { title: t('error.unknownCard.title'), lines: [t('error.unknownCard.body')] };
    case 'invalid-credentials':
      return {
        title: t('error.invalidCredentials.title'),
        lines: notice.lastTry ? [t('error.invalidCredentials.body'), t('error.invalidCredentials.lastTry')] : [t('error.invalidCredentials.body')],
      };
    case 'wrong-pin':
      return {
        title: t('error.wrongPin.title'),
        lines: notice.attemptsLeft === null ? [] : [t('error.wrongPin.attemptsLeft')(notice.attemptsLeft)],
      };
    case 'locked-out':
      if (notice.typedId) {
        return {
          title: t('error.lockedId.title'),
          lines: [notice.until === null ? t('error.lockedId.later') : t('error.lockedId.until')(i18n.formatTime(notice.until))],
        };
      }
      return {
        title: t('error.locked.title'),
        lines: [notice.until === null ? t('error.locked.later') : t('error.locked.until')(i18n.formatTime(notice.until))],
      };
    case 'typed-id-wait':
      return { title: t('error.typedIdWait.title'), lines: [t('error.typedIdWait.body')(notice.seconds ?? 1)] };
    case 'disabled':
      return { title: t('error.disabled.title'), lines: [t('error.disabled.body')] };
    case 'daily-limit':
      return { title: t('error.dailyLimit.title'), lines: [t('error.dailyLimit.body')] };
    case 'central-unreachable':
      return { title: t('error.central.title'), lines: [t('error.central.body'), t('error.central.stillWorks')] };
    case 'card-change-unconfirmed':
      return { title: t('error.cardUnconfirmed.title'), lines: [t('error.cardUnconfirmed.body'), t('error.cardUnconfirmed.next')] };
    case 'new-pin-needs-card':
      return { title: t('error.newPinNeedsCard.title'), lines: [t('error.newPinNeedsCard.body')] };
    case 'not-allowed':
      return { title: t('error.generic.title'), lines: [t('error.notAllowed')] };
    case 'link-card-in-use':
      return { title: t('link.cardInUse.title'), lines: [t('link.cardInUse.body')] };
    case 'link-no-account':
      return { title: t('link.noAccount.title'), lines: [t('link.noAccount.body')] };
    case 'link-not-loaded':
      return { title: t('link.notLoaded.title'), lines: [t('link.notLoaded.body')] };
    case 'generic':
      return { title: t('error.generic.title'), lines: [t('error.generic.body')] };
    default: {
      const never: never = notice;
      return never;
    }
  }
}

/** A clear, full-screen explanation with one way on (try again, back, or back to start). */
export function NoticeScreen(props: { readonly notice: Notice; readonly actionLabel: string; readonly onAction: () => void }) {
  const i18n = useI18n();
  const text = noticeText(props.notice, i18n);
  return (
    <section
      className={`screen notice-screen notice-${props.notice.kind}`}
      role="alert"
      aria-labelledby="notice-title"
      data-testid={`notice-${props.notice.kind}`}
    >
      <div className="notice-icon" aria-hidden="true">
        !
      </div>
      <h1 id="notice-title">{text.title}</h1>
      {text.lines.map((line) => (
        <p key={line} className="notice-line">
          {line}
        </p>
      ))}
      <button type="button" className="button button-primary button-large" onClick={props.onAction} autoFocus>
        {props.actionLabel}
      </button>
    </section>
  );
}
