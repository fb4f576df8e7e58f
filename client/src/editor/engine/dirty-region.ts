/** A rectangle in canvas pixels (device pixels of the canvas element). */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Past this share of the canvas, clipping saves little: draw the whole frame. */
const WHOLE_FRAME_SHARE = 0.6;

/**
 * The part of a `width`×`height` canvas a frame must redraw, from the places that changed: each
 * rectangle grown to whole pixels (plus one for anti-aliasing) and cut to the canvas; the region is
 * their union (overlaps are left to the clip: merging into bounding boxes would turn a guide line
 * crossing an object into most of the canvas). An empty list when nothing on the canvas changed;
 * null when the region is most of the canvas anyway.
 */
export function dirtyRegion(rects: readonly PixelRect[], width: number, height: number): PixelRect[] | null {
  const boxes: Array<[number, number, number, number]> = [];
  for (const r of rects) {
    if (!(r.width > 0 && r.height > 0) || ![r.x, r.y, r.width, r.height].every(Number.isFinite)) continue;
    const x0 = Math.max(0, Math.floor(r.x) - 1);
    const y0 = Math.max(0, Math.floor(r.y) - 1);
    const x1 = Math.min(width, Math.ceil(r.x + r.width) + 1);
    const y1 = Math.min(height, Math.ceil(r.y + r.height) + 1);
    if (x1 > x0 && y1 > y0) boxes.push([x0, y0, x1, y1]);
  }
  const area = boxes.reduce((sum, b) => sum + (b[2] - b[0]) * (b[3] - b[1]), 0);
  if (area > WHOLE_FRAME_SHARE * width * height) return null;
  return boxes.map(([x0, y0, x1, y1]) => ({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 }));
}
