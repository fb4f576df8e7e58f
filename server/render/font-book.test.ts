/** Font books: an uploaded family shadows a built-in one of the same name; a brokerage's layered book leaves the shared one alone. */
import { beforeAll, describe, expect, it } from 'vitest';
import { layeredFontBook, parseFont } from '../../shared/render/font-files.js';
import { DEMO_BRAND_KIT, type TextObject } from '../../shared/index.js';
import { textOverflow } from '../../shared/compliance/rules/text-overflow.js';
import { FontBook, fontBook, layoutText, textBlockHeight } from '../../shared/render/index.js';
import { namedTtf, testTtf } from '../test-support/fonts.js';
import { loadBundledFonts } from './index.js';

beforeAll(() => loadBundledFonts());

describe('uploaded faces in a font book', () => {
  it('a layered book draws its uploaded family from the upload, everything else from the base, and leaves the base unchanged', () => {
    const before = fontBook.revision;
    const book = layeredFontBook([{ family: 'Open Sans', weight: 700, style: 'normal', bytes: namedTtf('Harbor Test') }]);
    // "Open Sans" was uploaded: every weight of it comes from the upload, none from the built-in files.
    expect(book.face('Open Sans', 400)?.files[0]?.subset).toBe('uploaded');
    expect(book.face('Montserrat', 700)?.files[0]?.subset).toBe('latin');
    expect(fontBook.face('Open Sans', 400)?.files[0]?.subset).toBe('latin');
    expect(fontBook.revision).toBe(before);
    expect(fontBook.hasOwnFamily('Harbor Test')).toBe(false);
    const text = { text: 'Harbor Point open house', width: 2000, fontSize: 30, fontFamily: 'Open Sans', fontWeight: 400 };
    expect(layoutText(text, { book }).lines[0]!.width).not.toBeCloseTo(layoutText(text).lines[0]!.width, 1);
  });

  it('addUploaded on one book shadows built-in files of the same family (the browser’s single book)', () => {
    const book = new FontBook();
    const bundled = testTtf(400);
    book.add({ family: 'Montserrat', weight: 400, style: 'normal', subset: 'latin' }, parseFont(bundled), bundled);
    const upload = namedTtf('Montserrat', 700);
    const rev = book.revision;
    book.addUploaded({ family: 'Montserrat', weight: 700, style: 'normal' }, parseFont(upload), upload);
    expect(book.revision).toBeGreaterThan(rev);
    expect(book.face('Montserrat', 400)?.files[0]?.bytes).toBe(upload);
  });
});

describe('the overflow rule with a brokerage’s book', () => {
  it('measures the uploaded family from its file: a line that fits in the fallback overflows in the wider upload', () => {
    const book = layeredFontBook([{ family: 'Harbor Wide', weight: 700, style: 'normal', bytes: namedTtf('Harbor Wide') }]);
    const base = { text: 'Harbor Point Estates', fontSize: 40, fontFamily: 'Harbor Wide', fontWeight: 700, width: 5000 };
    const wide = layoutText(base, { book }).lines[0]!.width;
    const narrow = layoutText(base).lines[0]!.width;
    expect(wide).toBeGreaterThan(narrow);
    const o: TextObject = {
      ...base,
      id: 'headline',
      type: 'text',
      x: 20,
      y: 20,
      width: (wide + narrow) / 2,
      height: Math.ceil(textBlockHeight(1, 40)),
      fit: 'fixed',
    } as TextObject;
    const design = {
      meta: { title: 't', kind: 'flyer', width: 816, height: 1056, background: '#ffffff' },
      objects: { headline: o },
      order: ['headline'],
    };
    const ctx = { brandKit: DEMO_BRAND_KIT, rulePacks: DEMO_BRAND_KIT.rulePacks };
    expect(textOverflow.check(design as never, ctx)).toEqual([]);
    expect(textOverflow.check(design as never, { ...ctx, fonts: book }).map((f) => f.objectIds)).toEqual([['headline']]);
  });
});
