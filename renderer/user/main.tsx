import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { UserApp } from './app/UserApp.js';
import { I18nProvider, preferredLanguage } from './i18n/I18nProvider.js';
import './user.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider initial={preferredLanguage(navigator.languages)}>
      <UserApp />
    </I18nProvider>
  </StrictMode>,
);
