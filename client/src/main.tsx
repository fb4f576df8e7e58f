import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import './styles.css';
import './brand-fonts.js';

// Opening a design directly: fetch the editor's code while the session is being checked, not after.
if (/^\/designs\/[^/]+/.test(location.pathname)) void import('./pages/EditorPage.js').catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
