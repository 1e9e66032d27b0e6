import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AdminApp } from './app/AdminApp.js';
import { SessionProvider } from './app/SessionProvider.js';
import { I18nProvider, initialLanguage } from './i18n/I18nProvider.js';

const queryClient = new QueryClient({
  defaultOptions: {
    // A refusal is shown, not retried: 401 means sign in again, 4xx will not change by asking twice.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider initial={initialLanguage()}>
        <SessionProvider>
          <AdminApp />
        </SessionProvider>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
