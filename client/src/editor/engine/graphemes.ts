/**
 * Text whose every UTF-16 code unit is a grapheme of its own: tab, ASCII,
 * Latin-1 and Latin Extended, Greek, Cyrillic (without its combining marks),
 * Vietnamese precomposed letters, dashes, quotes, bullets, currency and
 * letterlike signs. No combining marks, joiners, variation selectors,
 * surrogate pairs or line breaks: those need the full segmentation rules.
 */
const ONE_UNIT_GRAPHEMES =
  /^[\t\x20-\x7e\xa0-\u02ff\u0370-\u0482\u048a-\u052f\u1e00-\u1eff\u2010-\u2027\u2030-\u205e\u20a0-\u20c0\u2100-\u214f]*$/;

/**
 * Splits listing copy into graphemes the cheap way when that is exact, else
 * returns null. fabric splits every word it measures with Intl.Segmenter,
 * which costs more than the rest of laying the text out.
 */
export function simpleGraphemes(text: string): string[] | null {
  return ONE_UNIT_GRAPHEMES.test(text) ? text.split('') : null;
}
