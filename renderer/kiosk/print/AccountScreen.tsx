import { HomeScreen, type HomeScreenProps } from '../screens/HomeScreen.js';
import { useI18n } from '../i18n/I18nProvider.js';

/** "Account": the PIN and Card/ID screens that existed before print release, with a way back to the documents. */
export function AccountScreen(props: HomeScreenProps & { readonly onDocuments: () => void }) {
  const { t } = useI18n();
  const { onDocuments, ...home } = props;
  return (
    <div className="screen" data-testid="screen-account">
      <HomeScreen {...home} />
      <button type="button" className="button button-secondary" onClick={onDocuments}>
        {t('print.documents')}
      </button>
    </div>
  );
}
