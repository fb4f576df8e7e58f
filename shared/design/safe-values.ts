/**
 * Property values that end up inside generated SVG, HTML and CSS (thumbnails, email
 * signatures, exports): each is checked by type at the document edge, so a colour is a colour
 * and a weight a weight, never markup or a second CSS declaration. Writers escape as well.
 */

/** #rgb…#rrggbbaa, rgb()/rgba() of numbers, a brand token ($color.primary), or a CSS colour keyword. */
export const COLOR_RE = /^(?:#[0-9a-f]{3,8}|\$[a-z][a-z0-9._-]{0,62}|rgba?\(\s*[\d.]+%?\s*(?:,\s*[\d.]+%?\s*){2,3}\)|[a-z]{3,20})$/i;
/** CSS font-weight keywords and the numeric weights as text. */
export const FONT_WEIGHT_RE = /^(?:normal|bold|bolder|lighter|[1-9]00)$/;
/** Font family names (or a $font token): letters, digits, spaces, commas, dots, dashes. No quotes, no entities, no semicolons. */
export const FONT_FAMILY_RE = /^[\p{L}\p{N} ,._$-]{1,200}$/u;

export const isSafeColor = (v: unknown): v is string => typeof v === 'string' && v.length <= 64 && COLOR_RE.test(v);
export const isSafeFontWeight = (v: unknown): v is number | string =>
  typeof v === 'number' ? Number.isInteger(v) && v >= 1 && v <= 1000 : typeof v === 'string' && FONT_WEIGHT_RE.test(v);
export const isSafeFontFamily = (v: unknown): v is string => typeof v === 'string' && FONT_FAMILY_RE.test(v);

/** Text for an XML/HTML attribute value or element content. */
export const escapeMarkup = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
