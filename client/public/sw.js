/*
 * RealBrand's service worker: an offline app shell. Pages are fetched from the network first and
 * the last copy of the app (index.html and the built, content-hashed files it loaded) answers when
 * offline, so an installed app opens without a connection (designs themselves sync when back:
 * the editor keeps offline edits in IndexedDB). The API, WebSockets and uploads are never cached.
 */
const SHELL = 'realbrand-shell-v1';
const SHELL_URLS = ['/', '/manifest.webmanifest', '/favicon.svg', '/icons/icon-192.png'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((c) => c.addAll(SHELL_URLS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

const neverCached = (url) => url.pathname.startsWith('/api/') || url.pathname.startsWith('/collab') || url.pathname.startsWith('/socket.io') || url.pathname.startsWith('/assets-store');

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin || neverCached(url)) return;
  if (req.mode === 'navigate') {
    // Network first; offline, the app shell (the client routes every path itself).
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok) void caches.open(SHELL).then((c) => c.put('/', res.clone()));
          return res;
        })
        .catch(() => caches.match('/').then((r) => r || Response.error())),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    // Content-hashed: a cached copy is always right.
    event.respondWith(
      caches.match(req).then(
        (hit) =>
          hit ||
          fetch(req).then((res) => {
            if (res.ok) void caches.open(SHELL).then((c) => c.put(req, res.clone()));
            return res;
          }),
      ),
    );
    return;
  }
  event.respondWith(fetch(req).catch(() => caches.match(req).then((r) => r || Response.error())));
});
