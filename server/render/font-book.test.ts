/** Font books: an uploaded family shadows a built-in one of the same name; a brokerage's layered book leaves the shared one alone. */
import { beforeAll, describe, expect, it } from 'vitest';
import { layeredFontBook, parseFont } from '../../shared/render/font-files.js';
import { FontBook, fontBook, layoutText } from '../../shared/render/index.js';
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
