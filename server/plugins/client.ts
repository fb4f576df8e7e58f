/** The built client (when present): hashed assets cached for good, the rest revalidated; unknown client routes get the app. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { projectPath } from '../paths.js';
import { registerClientAssets } from '../routes/client-assets.js';

/** Paths that name a static file (a miss is a 404, not the app); tokens with dots stay client routes. */
const STATIC_FILE = /\.(?:js|mjs|css|map|svg|png|jpe?g|webp|gif|ico|woff2?|ttf|json|txt|webmanifest|html)$/i;

const CLIENT_DIST = projectPath('client', 'dist');

export const client = fp<{ serveClient?: boolean }>(
  async (app, opts) => {
    const serveClient = (opts.serveClient ?? true) && existsSync(join(CLIENT_DIST, 'index.html'));
    app.setNotFoundHandler((req, reply) => {
      // Client routes (no file extension) get the app; a missing file stays a 404.
      const path = req.url.split('?')[0]!;
      if (req.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/collab') && !STATIC_FILE.test(path) && serveClient) {
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      }
      return reply.code(404).send({ error: { code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}` } });
    });
    if (!serveClient) return;
    registerClientAssets(app, join(CLIENT_DIST, 'assets'));
    await app.register(fastifyStatic, {
      root: CLIENT_DIST,
      // Serve whatever is in dist now (a rebuild needs no restart); unknown paths fall through to the SPA.
      wildcard: true,
      setHeaders(res) {
        // index.html, the favicon and brand images keep their names across builds: always revalidated.
        // (Vite's hashed files under /assets are served by registerClientAssets, cached for good.)
        res.header('cache-control', 'no-cache');
      },
    });
  },
  { name: 'client', dependencies: ['core'], fastify: '5.x' },
);
