/**
 * Fonts measured from their files. A `FontBook` holds parsed font files (fontkit objects, parsed
 * elsewhere so this module stays free of the parser: rules import it and must stay small) and
 * answers, synchronously, how wide a run of text is in a family/weight/style. A face may consist
 * of several files (the latin and latin-ext subsets of a web font): each character is measured in
 * the first file that has a glyph for it.
 *
 * Until a face's files are in the book, widths come from an average glyph width (0.55 em, 0.6 em
 * bold), so rules still give an answer; once loaded, every caller gets the same font-file widths.
 */

/** What the layout needs of a parsed font file (a subset of fontkit's `Font`). */
export interface ParsedFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): {
    advanceWidth: number;
    glyphs: Array<{ id: number; codePoints: number[]; path: { toSVG(): string }; advanceWidth: number }>;
    positions: Array<{ xAdvance: number; xOffset: number; yOffset: number }>;
  };
}

export type FontStyle = 'normal' | 'italic';

export interface FontFileRef {
  family: string;
  weight: number;
  style: FontStyle;
  /** Unicode subset name ('latin', 'latin-ext'); earlier subsets win. */
  subset: string;
  /** Module path of the file (resolved by the loader: node_modules on the server, a bundled URL in the browser). */
  path: string;
}

const FONTSOURCE: Array<{ family: string; pkg: string; faces: Array<[number, FontStyle]> }> = [
  {
    family: 'Montserrat',
    pkg: 'montserrat',
    faces: [
      [400, 'normal'],
      [600, 'normal'],
      [700, 'normal'],
      [800, 'normal'],
    ],
  },
  {
    family: 'Open Sans',
    pkg: 'open-sans',
    faces: [
      [400, 'normal'],
      [400, 'italic'],
      [600, 'normal'],
      [700, 'normal'],
    ],
  },
];
const SUBSETS = ['latin', 'latin-ext'];

/** The brand font files that ship with the product (the @fontsource packages the editor's CSS loads). */
export const BUNDLED_FONT_FILES: readonly FontFileRef[] = FONTSOURCE.flatMap(({ family, pkg, faces }) =>
  faces.flatMap(([weight, style]) =>
    SUBSETS.map((subset) => ({ family, weight, style, subset, path: `@fontsource/${pkg}/files/${pkg}-${subset}-${weight}-${style}.woff` })),
  ),
);

/** The family drawn for a family without font files (the demo kit's body font). */
export const FALLBACK_FAMILY = 'Open Sans';

export interface FontFile {
  font: ParsedFont;
  bytes: Uint8Array;
  subset: string;
}

export class Face {
  private readonly widths = new Map<string, number>();
  constructor(
    readonly family: string,
    readonly weight: number,
    readonly style: FontStyle,
    readonly files: FontFile[],
  ) {}

  /** The file that draws a code point (the first with a glyph; else the first file). */
  fileFor(codePoint: number): FontFile {
    for (const f of this.files) if (f.font.hasGlyphForCodePoint(codePoint)) return f;
    return this.files[0]!;
  }

  /** Runs of text that one file draws, in order. */
  runs(text: string): Array<{ text: string; file: FontFile }> {
    const out: Array<{ text: string; file: FontFile }> = [];
    for (const ch of text) {
      const file = this.files.length === 1 ? this.files[0]! : this.fileFor(ch.codePointAt(0)!);
      const last = out[out.length - 1];
      if (last && last.file === file) last.text += ch;
      else out.push({ text: ch, file });
    }
    return out;
  }

  /** Advance width of `text` at font size 1 (kerning included, as the canvas measures it). */
  width(text: string): number {
    let w = this.widths.get(text);
    if (w !== undefined) return w;
    w = 0;
    for (const run of this.runs(text)) w += run.file.font.layout(run.text).advanceWidth / run.file.font.unitsPerEm;
    if (this.widths.size > 20_000) this.widths.clear();
    this.widths.set(text, w);
    return w;
  }
}

/** CSS numeric weight of a model font weight. */
export function cssWeight(weight: number | string | undefined): number {
  if (typeof weight === 'number') return weight;
  const w = (weight ?? '').trim().toLowerCase();
  if (w === 'bold' || w === 'bolder') return 700;
  if (w === 'lighter') return 300;
  const n = Number(w);
  return w && Number.isFinite(n) ? n : 400;
}

/** The first family of a CSS font-family list, unquoted. */
export function firstFamily(fontFamily: string): string {
  return (fontFamily.split(',')[0] ?? '')
    .trim()
    .replace(/^["']|["']$/g, '')
    .trim();
}

export class FontBook {
  private readonly faces = new Map<string, Face>();
  private readonly uploads = new Map<string, Face>();
  /** Answers of face(), per request (every word the editor measures asks). */
  private readonly matches = new Map<string, Face | null>();
  private version = 0;
  private baseRevision: number;

  /**
   * `base`: a book whose faces show through this one's (a brokerage's uploaded fonts layered over
   * the built-in ones): a family this book has is drawn from this book only; any other family,
   * and the fallback, come from the base.
   */
  constructor(private readonly base?: FontBook) {
    this.baseRevision = base?.revision ?? 0;
  }

  /** Adds one file of a face (files of one face arrive in subset order: latin before latin-ext). */
  add(ref: Pick<FontFileRef, 'family' | 'weight' | 'style' | 'subset'>, font: ParsedFont, bytes: Uint8Array): void {
    const key = faceKey(ref.family, ref.weight, ref.style);
    const files = [...(this.faces.get(key)?.files ?? []), { font, bytes, subset: ref.subset }];
    files.sort((a, b) => subsetRank(a.subset) - subsetRank(b.subset));
    this.faces.set(key, new Face(ref.family, ref.weight, ref.style, files));
    this.matches.clear();
    this.version++;
  }

  /**
   * Adds an uploaded face (a brokerage's brand font, one file): a family with uploaded faces is
   * drawn from those only, even where built-in files share its name (as in a layered book).
   */
  addUploaded(ref: Pick<FontFileRef, 'family' | 'weight' | 'style'>, font: ParsedFont, bytes: Uint8Array): void {
    this.uploads.set(
      faceKey(ref.family, ref.weight, ref.style),
      new Face(ref.family, ref.weight, ref.style, [{ font, bytes, subset: 'uploaded' }]),
    );
    this.matches.clear();
    this.version++;
  }

  /** Changes whenever a file is added (callers cache layouts per version). */
  get revision(): number {
    return this.version + (this.base?.revision ?? 0);
  }

  get size(): number {
    return this.faces.size + this.uploads.size + (this.base?.size ?? 0);
  }

  families(): string[] {
    const own = [...this.uploads.values(), ...this.faces.values()].map((f) => f.family);
    return [...new Set(own.concat(this.base?.families() ?? []))];
  }

  /** Whether this book itself (not its base) has files for `family`. */
  hasOwnFamily(family: string): boolean {
    const fam = firstFamily(family).toLowerCase();
    return [...this.uploads.values(), ...this.faces.values()].some((f) => f.family.toLowerCase() === fam);
  }

  /**
   * The face that draws `family` at `weight`/`style`: CSS-like matching (the nearest weight,
   * preferring the requested style); a family without files falls back to FALLBACK_FAMILY.
   */
  face(family: string, weight: number | string | undefined, style: FontStyle = 'normal'): Face | null {
    const key = `${family}|${weight}|${style}`;
    if (this.base && this.base.revision !== this.baseRevision) {
      this.baseRevision = this.base.revision;
      this.matches.clear();
    }
    let match = this.matches.get(key);
    if (match === undefined) {
      match = this.match(family, weight, style);
      this.matches.set(key, match);
    }
    return match;
  }

  private match(family: string, weight: number | string | undefined, style: FontStyle): Face | null {
    const fam = firstFamily(family).toLowerCase();
    let candidates = [...this.uploads.values()].filter((f) => f.family.toLowerCase() === fam);
    if (candidates.length === 0) candidates = [...this.faces.values()].filter((f) => f.family.toLowerCase() === fam);
    if (candidates.length === 0 && this.base) return this.base.face(family, weight, style);
    if (candidates.length === 0)
      candidates = [...this.faces.values()].filter((f) => f.family.toLowerCase() === FALLBACK_FAMILY.toLowerCase());
    if (candidates.length === 0) return null;
    const w = cssWeight(weight);
    const sameStyle = candidates.filter((f) => f.style === style);
    const pool = sameStyle.length ? sameStyle : candidates;
    return [...pool].sort((a, b) => Math.abs(a.weight - w) - Math.abs(b.weight - w) || b.weight - a.weight)[0]!;
  }
}

function faceKey(family: string, weight: number, style: FontStyle): string {
  return `${family.toLowerCase()}|${weight}|${style}`;
}

function subsetRank(subset: string): number {
  const i = SUBSETS.indexOf(subset);
  return i < 0 ? SUBSETS.length : i;
}

/** The book every renderer and rule uses unless given another (filled by the server at start, by the client on open). */
export const fontBook = new FontBook();
