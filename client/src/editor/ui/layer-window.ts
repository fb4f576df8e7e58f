/**
 * Which rows of the layers list are in the DOM. Designs have hundreds of layers, and every row
 * there costs style, layout, paint and hit-testing work on each frame of a drag (`content-visibility:
 * auto` skipped the paint but made Chromium check every row's visibility each frame instead); rows
 * are a fixed height, so the list keeps only those near its visible part and spacers for the rest.
 */

/** A row's height in px (`.layer` in styles.css). */
export const LAYER_ROW_PX = 32;
/** Rows kept beyond each edge of the visible part, in px: scrolling never shows a blank row. */
export const LAYER_OVERSCAN_PX = 800;

/** Rows [start, end) to render for a list scrolled to `scrollTop` showing `viewHeight` px (pure). */
export function layerWindow(count: number, scrollTop: number, viewHeight: number): { start: number; end: number } {
  const top = Math.max(0, scrollTop - LAYER_OVERSCAN_PX);
  const bottom = Math.max(0, scrollTop) + Math.max(0, viewHeight) + LAYER_OVERSCAN_PX;
  const start = Math.min(count, Math.floor(top / LAYER_ROW_PX));
  const end = Math.min(count, Math.max(start, Math.ceil(bottom / LAYER_ROW_PX)));
  return { start, end };
}
