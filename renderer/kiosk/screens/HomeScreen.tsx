import { useI18n } from '../i18n/I18nProvider.js';
import { ScreenTitle } from '../components/ScreenTitle.js';

export interface HomeScreenProps {
  readonly displayName: string;
  readonly canChangePin: boolean;
  readonly canChangeCard: boolean;
  /** Enrolled kiosk whose central store is not answering: say what still works. */
  readonly centralOffline?: boolean;
  readonly onChangePin: () => void;
  readonly onChangeCard: () => void;
  readonly onLogout: () => void;
}

/** Signed in: only the actions the configuration allows are offered, nothing greyed out. */
export function HomeScreen(props: HomeScreenProps) {
  const { t } = useI18n();
  const none = !props.canChangePin && !props.canChangeCard;
  return (
    <section className="screen home-screen" aria-labelledby="home-title" data-testid="screen-home">
      <ScreenTitle id="home-title">{t('home.welcome')(props.displayName)}</ScreenTitle>
      <p className="lead">{none ? t('home.nothingToChange') : t('home.signedIn')}</p>
      {props.centralOffline ? (
        <p className="info" data-testid="central-offline-note">
          <strong>{t('error.central.title')}</strong> <span>{t('error.central.stillWorks')}</span>
        </p>
      ) : null}
      <nav className="actions" aria-label={t('app.name')}>
        {props.canChangePin ? (
          <button type="button" className="button button-primary button-large" onClick={props.onChangePin}>
            {t('home.changePin')}
          </button>
        ) : null}
        {props.canChangeCard ? (
          <button type="button" className="button button-primary button-large" onClick={props.onChangeCard}>
            {t('home.changeCard')}
          </button>
        ) : null}
      </nav>
      <button type="button" className="button button-secondary" onClick={props.onLogout}>
        {t('common.logout')}
      </button>
    </section>
  );
}
