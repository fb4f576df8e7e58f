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

export type LayerMove = 'up' | 'down' | 'first' | 'last' | 'edit';

/** What a key does in the focused layers list (null: not the list's key). */
export function layerKey(key: string): LayerMove | null {
  switch (key) {
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Enter':
      return 'edit';
    default:
      return null;
  }
}

/** The layer a move chooses among those that may be chosen, from the one chosen now (pure). */
export function nextLayer(ids: readonly string[], current: string | null, move: Exclude<LayerMove, 'edit'>): string | null {
  if (ids.length === 0) return null;
  if (move === 'first') return ids[0]!;
  if (move === 'last') return ids.at(-1)!;
  const at = current === null ? -1 : ids.indexOf(current);
  if (at < 0) return move === 'down' ? ids[0]! : ids.at(-1)!;
  return ids[Math.max(0, Math.min(ids.length - 1, at + (move === 'down' ? 1 : -1)))]!;
}
