import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Language } from '../../renderer/kiosk/i18n/catalogues.js';
import { I18nProvider } from '../../renderer/kiosk/i18n/I18nProvider.js';

/** Renders a kiosk component inside the i18n layer, as the app does. */
export function renderKiosk(ui: ReactElement, language: Language = 'en') {
  return render(<I18nProvider initial={language}>{ui}</I18nProvider>);
}
