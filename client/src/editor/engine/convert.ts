/**
 * Pure conversions between the design model (x, y = top-left of the
 * unrotated box, angle in degrees clockwise about the box centre) and the
 * geometry fabric works with. Every fabric object we create uses
 * originX/originY = 'center', so fabric's `left, top` is the box centre and
 * rotation needs no trigonometry to convert. No fabric imports here.
 */
import type { DesignObject } from '../../../../shared/design/index.js';

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  angle?: number;
}

export interface AABB {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What fabric reports for one object in canvas (design) coordinates. */
export interface FabricGeometry {
  /** Centre of the object. */
  cx: number;
  cy: number;
  angle: number;
  scaleX: number;
  scaleY: number;
  /** Unscaled fabric width/height (without stroke). */
  width: number;
  height: number;
}

const DECIMALS = 100;

/** Rounds to 2 decimals so documents stay small and replicas compare equal. */
export function round2(n: number): number {
  const r = Math.round(n * DECIMALS) / DECIMALS;
  return Object.is(r, -0) ? 0 : r;
}

/** Angle normalised to [0, 360). */
export function normalizeAngle(angle: number): number {
  const a = round2(((angle % 360) + 360) % 360);
  return a === 360 ? 0 : a;
}

export function boxCenter(box: Box): Point {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Top-left of the unrotated box whose centre is (cx, cy). */
export function centerToTopLeft(cx: number, cy: number, width: number, height: number): Point {
  return { x: cx - width / 2, y: cy - height / 2 };
}

export function rotatePoint(p: Point, center: Point, angleDeg: number): Point {
  const rad = (angleDeg * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const dx = p.x - center.x;
  const dy = p.y - center.y;
  return { x: center.x + dx * cos - dy * sin, y: center.y + dx * sin + dy * cos };
}

/** The four corners (tl, tr, br, bl) of a box after rotation about its centre. */
export function boxCorners(box: Box): [Point, Point, Point, Point] {
  const c = boxCenter(box);
  const a = box.angle ?? 0;
  const { x, y, width: w, height: h } = box;
  return [
    rotatePoint({ x, y }, c, a),
    rotatePoint({ x: x + w, y }, c, a),
    rotatePoint({ x: x + w, y: y + h }, c, a),
    rotatePoint({ x, y: y + h }, c, a),
  ];
}

/** Axis-aligned bounds of a (possibly rotated) box. */
export function boxAABB(box: Box): AABB {
  const pts = boxCorners(box);
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}

export function unionAABB(boxes: AABB[]): AABB | null {
  if (boxes.length === 0) return null;
  return boxes.reduce((u, b) => ({
    left: Math.min(u.left, b.left),
    top: Math.min(u.top, b.top),
    right: Math.max(u.right, b.right),
    bottom: Math.max(u.bottom, b.bottom),
  }));
}

/** Fabric placement (centre origin) of a model box. */
export function placement(box: Box): { left: number; top: number; angle: number; originX: 'center'; originY: 'center' } {
  const c = boxCenter(box);
  return { left: c.x, top: c.y, angle: box.angle ?? 0, originX: 'center', originY: 'center' };
}

/**
 * Text boxes grow with their content: fabric computes the height. The text's
 * top-left stays at the model's (x, y); the centre uses the rendered height.
 */
export function textPlacement(box: Box, renderedHeight: number): { left: number; top: number } {
  return { left: box.x + box.width / 2, top: box.y + renderedHeight / 2 };
}

export interface ImageCrop {
  cropX: number;
  cropY: number;
  /** Source rectangle size in natural pixels (fabric's width/height). */
  width: number;
  height: number;
  scaleX: number;
  scaleY: number;
}

/**
 * How to show an image of natural size nw×nh in a box w×h.
 * cover: fill the box, crop the overflow centred; fill: stretch; contain:
 * the whole image, uniformly scaled and centred in the box (the fabric
 * object is then smaller than the model box, with the same centre).
 */
export function imageCrop(nw: number, nh: number, w: number, h: number, fit: 'cover' | 'contain' | 'fill' | undefined): ImageCrop {
  const W = Math.max(w, 0.01);
  const H = Math.max(h, 0.01);
  if (!(nw > 0 && nh > 0)) return { cropX: 0, cropY: 0, width: W, height: H, scaleX: 1, scaleY: 1 };
  if (fit === 'contain') {
    const s = Math.min(W / nw, H / nh);
    return { cropX: 0, cropY: 0, width: nw, height: nh, scaleX: s, scaleY: s };
  }
  if (fit === 'cover') {
    const s = Math.max(W / nw, H / nh);
    const sw = W / s;
    const sh = H / s;
    return { cropX: (nw - sw) / 2, cropY: (nh - sh) / 2, width: sw, height: sh, scaleX: s, scaleY: s };
  }
  return { cropX: 0, cropY: 0, width: nw, height: nh, scaleX: W / nw, scaleY: H / nh };
}

/**
 * The model properties that a fabric geometry stands for. Scale is baked
 * into width/height (and into fontSize for text scaled by a corner).
 */
export function geometryToModel(type: DesignObject['type'], g: FabricGeometry, current: { fontSize?: number }): Record<string, number> {
  const width = Math.max(1, g.width * Math.abs(g.scaleX));
  const height = Math.max(type === 'line' ? 0 : 1, g.height * Math.abs(g.scaleY));
  const tl = centerToTopLeft(g.cx, g.cy, width, height);
  const out: Record<string, number> = {
    x: round2(tl.x),
    y: round2(tl.y),
    width: round2(width),
    height: round2(height),
    angle: normalizeAngle(g.angle),
  };
  if (type === 'text' && current.fontSize !== undefined && Math.abs(g.scaleY - 1) > 1e-6) {
    out.fontSize = round2(Math.max(1, current.fontSize * Math.abs(g.scaleY)));
  }
  return out;
}

/** Keys of `patch` whose values differ from `current` (numbers compared after rounding). */
export function changedProps(current: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    const c = current[k];
    if (typeof v === 'number' && typeof c === 'number') {
      if (Math.abs(v - c) > 0.005) out[k] = v;
    } else if (v !== c) out[k] = v;
  }
  return out;
}

/** A model box moved by (dx, dy). */
export function translated<T extends Box>(box: T, dx: number, dy: number): T {
  return { ...box, x: round2(box.x + dx), y: round2(box.y + dy) };
}

/** Design coordinates of a screen point under viewport transform [a,b,c,d,e,f] (zoom only, no rotation). */
export function screenToDesign(p: Point, vpt: readonly number[]): Point {
  const zoom = vpt[0] || 1;
  return { x: (p.x - vpt[4]) / zoom, y: (p.y - vpt[5]) / (vpt[3] || 1) };
}

export function designToScreen(p: Point, vpt: readonly number[]): Point {
  return { x: p.x * vpt[0] + vpt[4], y: p.y * vpt[3] + vpt[5] };
}

/** Zoom that fits a page of w×h in a viewport of vw×vh with padding, and the translation that centres it. */
export function fitViewport(w: number, h: number, vw: number, vh: number, padding = 48): { zoom: number; x: number; y: number } {
  const zoom = Math.max(0.05, Math.min((vw - padding * 2) / w, (vh - padding * 2) / h, 4));
  return { zoom, x: (vw - w * zoom) / 2, y: (vh - h * zoom) / 2 };
}

/** New viewport translation so that the design point under `screen` stays put when zooming to `zoom`. */
export function zoomAt(vpt: readonly number[], screen: Point, zoom: number): [number, number, number, number, number, number] {
  const d = screenToDesign(screen, vpt);
  return [zoom, 0, 0, zoom, screen.x - d.x * zoom, screen.y - d.y * zoom];
}

export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 8;
export function clampZoom(z: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));
}

/**
 * The model box of a `contain` image after the user scaled its visible
 * image from `before` (the contain scale) to (scaleX, scaleY).
 */
export function containBox(
  model: { width: number; height: number },
  containScale: number,
  scaleX: number,
  scaleY: number,
): { width: number; height: number } {
  const s = containScale || 1;
  return {
    width: round2(Math.max(1, (model.width * Math.abs(scaleX)) / s)),
    height: round2(Math.max(1, (model.height * Math.abs(scaleY)) / s)),
  };
}
