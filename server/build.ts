/**
 * Compiles the server into one ES module, server/dist/main.mjs, for `npm start`:
 * plain Node runs it, without tsx's loader and on-the-fly transpiling (about
 * 70 MiB less memory and a faster start). Our own code (server/, shared/,
 * templates/) is bundled; packages stay imports of node_modules.
 *   npx tsx server/build.ts
 */
import { build } from 'rolldown';
import { projectPath } from './paths.js';

const isPackage = (id: string) => !id.startsWith('.') && !id.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(id);

const started = Date.now();
await build({
  input: projectPath('server', 'main.ts'),
  platform: 'node',
  external: (id) => id.startsWith('node:') || isPackage(id),
  logLevel: 'warn',
  // ASCII only: V8 keeps every script's source in memory, as two bytes per character if a single
  // one is outside Latin-1 (a "→" in a comment doubled the bundle's 0.6 MiB); comments go too.
  output: { file: projectPath('server', 'dist', 'main.mjs'), format: 'es', sourcemap: true, charset: 'ascii', comments: false },
});
console.log(`server built: server/dist/main.mjs (${Date.now() - started} ms)`);
