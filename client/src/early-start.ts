/**
 * Runs first, before the app's ~400 kB of JavaScript has even downloaded: starts
 * the requests every page makes anyway (the session check; on /designs/:id the
 * design record, the brand kit and the design's document) and, on an editor URL, preloads the editor's
 * code (the build lists its files in a meta tag, see client/build/early-start.ts).
 * The app takes these responses (`takeEarlyResponse` in api.ts) instead of asking again.
 *
 * It imports only early-requests.ts, so it stays a tiny entry of its own.
 */
import { earlyRequests, EARLY_KEY, EDITOR_PRELOAD_META, type EarlyRequests } from './early-requests.js';

performance.mark('realbrand:early-start');
const paths = earlyRequests(location.pathname);
const started: EarlyRequests = { at: performance.now(), responses: {} };
const start = (path: string, accept: string) => {
  const response = fetch(path, { credentials: 'same-origin', headers: { Accept: accept, 'X-Requested-With': 'fetch' } });
  response.catch(() => undefined); // the app asks again if this failed
  started.responses[path] = response;
};
for (const path of paths.api) start(path, 'application/json');
if (paths.state) start(paths.state, 'application/octet-stream');
(window as unknown as Record<string, EarlyRequests>)[EARLY_KEY] = started;

if (paths.state) {
  const files = document.querySelector(`meta[name="${EDITOR_PRELOAD_META}"]`)?.getAttribute('content')?.split(' ').filter(Boolean) ?? [];
  for (const href of files) {
    const link = document.createElement('link');
    if (href.endsWith('.css')) {
      link.rel = 'preload';
      link.as = 'style';
      // Vite's loader adds the stylesheet with crossorigin=""; a preload in another mode is not
      // reused (the CSS downloads twice and Chrome warns the preload went unused).
      link.crossOrigin = '';
    } else link.rel = 'modulepreload';
    link.href = href;
    document.head.appendChild(link);
  }
}
