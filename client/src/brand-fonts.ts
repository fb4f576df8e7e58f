/**
 * The demo brand kit's fonts, bundled (the canvas, thumbnails and exports must draw
 * with the real faces, not a fallback). Each file declares unicode ranges, so the
 * browser downloads only the subsets a design uses.
 */
import '@fontsource/montserrat/400.css';
import '@fontsource/montserrat/600.css';
import '@fontsource/montserrat/700.css';
import '@fontsource/montserrat/800.css';
import '@fontsource/open-sans/400.css';
import '@fontsource/open-sans/400-italic.css';
import '@fontsource/open-sans/600.css';
import '@fontsource/open-sans/700.css';

// Start downloading the faces now, not when the canvas first draws text (which would
// otherwise measure with a fallback and then re-measure everything once they arrive).
if (typeof document !== 'undefined' && document.fonts) {
  for (const face of [
    '400 16px "Open Sans"',
    '600 16px "Open Sans"',
    '700 16px "Open Sans"',
    '600 16px "Montserrat"',
    '700 16px "Montserrat"',
    '800 16px "Montserrat"',
  ]) {
    void document.fonts.load(face).catch(() => undefined);
  }
}
