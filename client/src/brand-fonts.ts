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
