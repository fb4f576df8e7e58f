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
import { EDITOR_FONT_FACES } from './brand-faces.js';

// Start downloading the faces now, not when the canvas first draws text (which would
// otherwise measure with a fallback and then re-measure everything once they arrive).
if (typeof document !== 'undefined' && document.fonts) {
  for (const [family, weight] of EDITOR_FONT_FACES) {
    void document.fonts.load(`${weight} 16px "${family}"`).catch(() => undefined);
  }
}
