import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { KeyboardWedgeDecoder } from '../../src/devices/keyboardWedgeDecoder.js';
import { connectKioskApi } from '../shared/connectKioskApi.js';
import { KioskApp } from './app/KioskApp.js';
import { StartupMessage } from './app/StartupMessage.js';
import { I18nProvider } from './i18n/I18nProvider.js';
import { TechnicianGate } from './technician/TechnicianGate.js';
import { lockZoomInKioskWindow } from './kioskViewport.js';
import './kiosk.css';

lockZoomInKioskWindow();
const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');
const root = createRoot(container);
/** readers.md §2.4 defaults: a burst of at least 4 keys, at most 50 ms apart on average. */
const createWedgeDecoder = () => new KeyboardWedgeDecoder();

async function start(): Promise<void> {
  const api = connectKioskApi();
  if (!api) {
    root.render(<StartupMessage messageKey="connect.noHost" />);
    return;
  }
  root.render(<StartupMessage messageKey="connect.starting" />);
  // The host may still be opening its socket: getState answers `disconnected` until then.
  for (let attempt = 0; ; attempt++) {
    const state = await api.getState();
    if (state.ok) {
      root.render(
        <StrictMode>
          <I18nProvider initial={state.value.language.default}>
            <TechnicianGate api={api} initial={state.value} createWedgeDecoder={createWedgeDecoder}>
              {(kiosk) => <KioskApp api={api} initial={kiosk} createWedgeDecoder={createWedgeDecoder} />}
            </TechnicianGate>
          </I18nProvider>
        </StrictMode>,
      );
      return;
    }
    if (state.error.code === 'unauthorized') {
      root.render(<StartupMessage messageKey="connect.noHost" />);
      return;
    }
    if (attempt > 0) root.render(<StartupMessage messageKey="connect.lost" />);
    await new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** attempt, 5000)));
  }
}

void start();
