/**
 * Parses font files into a FontBook with fontkit (TTF, OTF, WOFF and WOFF2). Kept apart from
 * fonts.ts: the parser is large and only exports and the editor's layout load it.
 */
import fontkit from '@pdf-lib/fontkit';
import { woffToSfnt } from './woff.js';
import { BUNDLED_FONT_FILES, fontBook, type FontBook, type FontFileRef, type ParsedFont } from './fonts.js';

export function parseFont(bytes: Uint8Array): ParsedFont {
  return fontkit.create(bytes) as unknown as ParsedFont;
}

/** Reads and adds every bundled brand font file (`read` resolves a module path to its bytes). */
export async function loadFontFiles(
  read: (path: string) => Promise<Uint8Array>,
  files: readonly FontFileRef[] = BUNDLED_FONT_FILES,
  book: FontBook = fontBook,
): Promise<void> {
  const loaded = await Promise.all(files.map(async (ref) => ({ ref, bytes: await read(ref.path) })));
  for (const { ref, bytes } of loaded) {
    const sfnt = woffToSfnt(bytes);
    book.add(ref, parseFont(sfnt), sfnt);
  }
}
