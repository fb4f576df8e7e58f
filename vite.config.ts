import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { earlyStart } from './client/build/early-start.js';
import { testOnlyModules } from './shared/test-only.js';

const API_PORT = Number(process.env.PORT ?? 3000);

// The client lives in client/; the server serves client/dist in production
// and proxies to Vite's dev server with `npm run dev`.
export default defineConfig({
  root: 'client',
  plugins: [
    react(),
    earlyStart(),
    {
      // Test files and test data (test-support/ folders) never ship.
      name: 'no-test-code',
      generateBundle(_options, bundle) {
        const testOnly = testOnlyModules(Object.values(bundle).flatMap((file) => (file.type === 'chunk' ? file.moduleIds : [])));
        if (testOnly.length) this.error(`test-only modules in the client bundle: ${testOnly.join(', ')}`);
      },
    },
  ],
  // fabric's default entry is one pre-bundled file that keeps every class (filters, SVG import,
  // brushes...); its `es` entry is the same code as separate modules, so the editor ships only what it uses.
  resolve: { alias: [{ find: /^fabric$/, replacement: 'fabric/es' }] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      // shared/ holds definitions only (schemas, rules, constants): a module none of whose exports a
      // page uses is left out, so building zod schemas nobody reads never costs the editor's first visit.
      treeshake: { moduleSideEffects: [{ test: /[\\/]shared[\\/]/, sideEffects: false }] },
      // The early-start script (client/build/early-start.ts) is bundled apart, into one file.
      // Absolute: the dev server's dependency scan resolves it against `root`, the build against the cwd.
      input: { index: fileURLToPath(new URL('./client/index.html', import.meta.url)) },
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/fabric')) return 'fabric';
          // pdf-lib and fontkit are left to the bundler: only exports import them, lazily. Naming their chunks here would pull Vite's preload helper in.
          if (id.includes('node_modules/yjs') || id.includes('node_modules/y-') || id.includes('node_modules/lib0')) return 'yjs';
          return undefined;
        },
      },
    },
  },
  server: {
    port: 5173,
    // The API server of `npm run dev` (server/dev.ts), on PORT like `npm start`. The Host header is
    // kept (Vite's string shorthand would rewrite it): the server's CSRF check compares it with the
    // page's Origin, which is this dev server.
    proxy: {
      '/api': { target: `http://127.0.0.1:${API_PORT}`, changeOrigin: false },
      '/assets-store': { target: `http://127.0.0.1:${API_PORT}`, changeOrigin: false },
      '/collab': { target: `ws://127.0.0.1:${API_PORT}`, ws: true, changeOrigin: false },
      '/socket.io': { target: `ws://127.0.0.1:${API_PORT}`, ws: true, changeOrigin: false },
    },
  },
});
