/** Loads the bundled brand font files from node_modules into the shared font book, once per process. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { loadFontFiles } from '../../shared/render/font-files.js';
import { projectPath } from '../paths.js';

const require = createRequire(projectPath('package.json'));
let loading: Promise<void> | null = null;

export function loadBundledFonts(): Promise<void> {
  loading ??= loadFontFiles(async (path) => new Uint8Array(await readFile(require.resolve(path)))).catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}
