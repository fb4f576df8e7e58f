/**
 * The few numbers every renderer shares. The vertical text model is fabric.js's (the editor's
 * canvas draws with it, so exports must too): a line box is `fontSize × FONT_SIZE_MULT ×
 * lineHeight`, the last line only `fontSize × FONT_SIZE_MULT`, and the baseline sits
 * `FONT_SIZE_FRACTION` of the box above its bottom.
 */
/** Default line-height multiplier of a text object (fabric's default). The only copy of it. */
export const DEFAULT_LINE_HEIGHT = 1.16;
/** fabric.Text `_fontSizeMult`: height of a line box per px of font size. */
export const FONT_SIZE_MULT = 1.13;
/** fabric.Text `_fontSizeFraction`: baseline offset from the bottom of a line box, per line-box height. */
export const FONT_SIZE_FRACTION = 0.222;
/** CSS pixels (96 dpi) to PDF points (72 dpi). */
export const PX_TO_PT = 0.75;
/** Print resolution images are rasterised at when they must be (SVG logos). */
export const PRINT_DPI = 300;
