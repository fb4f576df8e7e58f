/** Two-finger pinch on a touch screen: the viewport that keeps the pinched spot under the fingers. */
import { clampZoom, screenToDesign, type Point } from './convert.js';

export interface PinchStart {
  /** Viewport transform when the second finger came down. */
  vpt: readonly number[];
  /** The two fingers then, in canvas-host pixels. */
  a: Point;
  b: Point;
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
const midpoint = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/**
 * The viewport for fingers now at `a` and `b`: zoom scales with the distance
 * between them (clamped like every zoom), and the design point that was under
 * their midpoint at the start stays under their midpoint now — so spreading
 * zooms around the pinch centre and moving both fingers together pans.
 */
export function pinchViewport(start: PinchStart, a: Point, b: Point): [number, number, number, number, number, number] {
  const d0 = distance(start.a, start.b);
  const zoom = clampZoom(d0 > 0 ? (start.vpt[0]! * distance(a, b)) / d0 : start.vpt[0]!);
  const anchor = screenToDesign(midpoint(start.a, start.b), start.vpt);
  const centre = midpoint(a, b);
  return [zoom, 0, 0, zoom, centre.x - anchor.x * zoom, centre.y - anchor.y * zoom];
}
