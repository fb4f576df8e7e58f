/**
 * The fonts server renders draw with: the bundled brand font files from node_modules (the shared
 * font book, loaded once per process) and, per brokerage, the fonts its brand managers uploaded,
 * layered over them in a book of that brokerage's own (never the shared one, so no brokerage's
 * uploads reach another's renders).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { layeredFontBook, loadFontFiles } from '../../shared/render/font-files.js';
import { fontBook, type FontBook } from '../../shared/render/fonts.js';
import type { Queryable } from '../db/index.js';
import { BrandFontRepository } from '../repos/brand-fonts.js';
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

/** Books built, per brokerage, with the revision of its uploads they were built from. */
const books = new Map<string, { revision: string; book: FontBook }>();
const MAX_BOOKS = 200;

/**
 * The font book for rendering a brokerage's designs (the shared book when it uploaded none), and
 * a revision that changes whenever its uploads change (for callers that cache renders). Reads the
 * uploads' revision on every call, so a change on any instance shows in the next render.
 */
export async function brokerageFonts(db: Queryable, brokerageId: string): Promise<{ book: FontBook; revision: string }> {
  await loadBundledFonts();
  const repo = new BrandFontRepository(db);
  const revision = await repo.revision(brokerageId);
  if (!revision) {
    books.delete(brokerageId);
    return { book: fontBook, revision };
  }
  const hit = books.get(brokerageId);
  if (hit?.revision === revision) return hit;
  const book = layeredFontBook(await repo.listWithBytes(brokerageId));
  if (books.size >= MAX_BOOKS) books.delete(books.keys().next().value!);
  const built = { revision, book };
  books.set(brokerageId, built);
  return built;
}
