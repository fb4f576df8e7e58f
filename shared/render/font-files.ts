/**
 * Parses font files into a FontBook with fontkit (TTF, OTF, WOFF and WOFF2). Kept apart from
 * fonts.ts: the parser is large and only exports and the editor's layout load it.
 */
import fontkit from '@pdf-lib/fontkit';
import { woffToSfnt } from './woff.js';
import { BUNDLED_FONT_FILES, FontBook, fontBook, type FontFileRef, type FontStyle, type ParsedFont } from './fonts.js';

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

export interface FontFileInfo {
  /** The font's own family name (the typographic family when it names one). */
  family: string;
  weight: number;
  style: 'normal' | 'italic';
  format: 'ttf' | 'otf' | 'woff2';
  /** What to store and embed: WOFF (1.0) arrives decoded to its TTF/OTF; other formats as given. */
  bytes: Uint8Array;
}

function formatOf(bytes: Uint8Array): FontFileInfo['format'] | null {
  if (bytes.length < 12) return null;
  const tag = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  if (tag === 'wOF2') return 'woff2';
  if (tag === 'OTTO') return 'otf';
  if (tag === 'true' || (bytes[0] === 0 && bytes[1] === 1 && bytes[2] === 0 && bytes[3] === 0)) return 'ttf';
  return null;
}

/**
 * What an uploaded font file is, read by parsing it (null when it is no single TTF/OTF/WOFF/WOFF2
 * font that draws Latin text): family from its name table, weight from OS/2, italic from OS/2 or
 * its italic angle.
 */
export function describeFontFile(input: Uint8Array): FontFileInfo | null {
  let bytes: Uint8Array;
  try {
    bytes = woffToSfnt(input);
  } catch {
    return null;
  }
  const format = formatOf(bytes);
  if (!format) return null;
  try {
    const font = fontkit.create(bytes) as unknown as {
      numGlyphs: number;
      unitsPerEm: number;
      italicAngle: number;
      familyName?: string;
      name?: { records?: { preferredFamily?: Record<string, string>; fontFamily?: Record<string, string> } };
      'OS/2'?: { usWeightClass?: number; fsSelection?: { italic?: boolean } };
      hasGlyphForCodePoint(cp: number): boolean;
      layout(text: string): { advanceWidth: number };
    };
    if (!font || typeof font.hasGlyphForCodePoint !== 'function' || !(font.numGlyphs > 1) || !(font.unitsPerEm > 0)) return null;
    if (!font.hasGlyphForCodePoint(0x41) || !(font.layout('Ag').advanceWidth > 0)) return null;
    const records = font.name?.records ?? {};
    const pick = (r?: Record<string, string>) => (r ? (r.en ?? Object.values(r)[0]) : undefined);
    const family = (pick(records.preferredFamily) ?? pick(records.fontFamily) ?? font.familyName ?? '').trim();
    if (!family) return null;
    const os2 = font['OS/2'];
    const weight = Math.min(900, Math.max(100, Math.round((os2?.usWeightClass ?? 400) / 100) * 100));
    const style = os2?.fsSelection?.italic || (font.italicAngle ?? 0) !== 0 ? 'italic' : 'normal';
    return { family, weight, style, format, bytes };
  } catch {
    return null;
  }
}

/** An uploaded face (a brokerage's brand font) with its file's bytes. */
export interface UploadedFace {
  family: string;
  weight: number;
  style: FontStyle;
  bytes: Uint8Array;
}

/**
 * A brokerage's font book: its uploaded faces over `base` (the built-in families). A family it
 * uploaded is drawn from its files only; every other family, from the base. Files that no longer
 * parse are skipped (the upload checked them; the layout then falls back as for a missing family).
 */
export function layeredFontBook(faces: readonly UploadedFace[], base: FontBook = fontBook): FontBook {
  if (faces.length === 0) return base;
  const book = new FontBook(base);
  for (const f of faces) {
    try {
      book.addUploaded(f, parseFont(f.bytes), f.bytes);
    } catch {
      // A corrupt row draws in the fallback rather than failing every render of the brokerage.
    }
  }
  return book;
}
