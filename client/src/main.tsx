import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import './styles.css';
import './brand-fonts.js';
import { prefetchDesign } from './features/designs/design-prefetch.js';

import { EditorPage } from './features/designs/editor-page.js';

const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );

// Opening a design directly: fetch the design while the editor's code loads (early-start
// preloads both), and render once the code is in, so the editor shows without a fallback first.
const opening = /^\/designs\/([^/?#]+)/.exec(location.pathname);
if (opening) {
  void prefetchDesign(decodeURIComponent(opening[1]!)).catch(() => undefined);
  void EditorPage.preload()
    .catch(() => undefined) // the route retries, and shows the error
    .then(render);
} else render();

// Installable app with an offline shell (client/public/sw.js); production builds only, registered
// after load so it never competes with the page's own first requests.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined));
}
