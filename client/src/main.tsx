import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import './styles.css';
import './brand-fonts.js';
import { prefetchDesign } from './pages/design-prefetch.js';

// Opening a design directly: fetch the editor's code and the design's record while the session is
// being checked, not one after the other.
const opening = /^\/designs\/([^/?#]+)/.exec(location.pathname);
if (opening) {
  void import('./pages/EditorPage.js').catch(() => undefined);
  void prefetchDesign(decodeURIComponent(opening[1]!)).catch(() => undefined);
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
