import { createRoot } from 'react-dom/client';

// Placeholder until the touchscreen app lands (issue: kiosk app).
const container = document.getElementById('root');
if (container) createRoot(container).render(<p>badgekiosk</p>);
