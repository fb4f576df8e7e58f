/**
 * The scene walker: a design → per page, the list of things to draw, in stacking order, with
 * paints validated, text laid out (fit mode applied) and placeholders left out (and listed).
 * Every back-end (PDF, SVG, HTML) draws from this, so they agree by construction.
 */
import { objectsInOrder, type Design, type DesignObject, type ImageObject, type TextObject } from '../design/index.js';
import { parseColor, type Rgba } from './color.js';
import { fitText, pageGrowth, type PageGrowth } from './fit.js';
import type { FontBook } from './fonts.js';
import { placeholderOf, type Placeholder } from './placeholders.js';
import type { TextLayout } from './text-layout.js';

/** The unrotated box of an item, design px, and its rotation about its centre (degrees clockwise). */
export interface ItemBox {
  x: number;
  y: number;
  width: number;
  height: number;
  angle: number;
}

interface ItemBase {
  id: string;
  box: ItemBox;
  opacity: number;
}

export type SceneItem =
  | (ItemBase & { kind: 'rect'; fill: Rgba | null; stroke: Rgba | null; strokeWidth: number; radius: number })
  | (ItemBase & { kind: 'ellipse'; fill: Rgba | null; stroke: Rgba | null; strokeWidth: number })
  | (ItemBase & { kind: 'line'; stroke: Rgba; strokeWidth: number })
  | (ItemBase & { kind: 'image'; src: string; fit: ImageObject['fit']; naturalWidth?: number; naturalHeight?: number; role?: string })
  | (ItemBase & {
      kind: 'text';
      fill: Rgba;
      layout: TextLayout;
      fontFamily: string;
      fontWeight: number | string;
      fontStyle: 'normal' | 'italic';
      text: string;
    });

export interface ScenePage {
  index: number;
  /** Trim size, design px. */
  width: number;
  height: number;
  /** Bleed on each side, design px (the background and objects that reach past the trim show in it). */
  bleed: number;
  background: Rgba | null;
  items: SceneItem[];
}

export interface Scene {
  title: string;
  pages: ScenePage[];
  /** Placeholders that were left out. */
  placeholders: Placeholder[];
}

export interface SceneOptions {
  /** Only these pages (default: all). */
  pages?: number[];
  /** Draw the bleed area (print PDF). */
  bleed?: boolean;
  /** Previews only (template picker): empty photo frames drawn as a neutral tile. Never for exports. */
  photoStandIns?: boolean;
  /** The fonts to lay text out with (a brokerage's uploaded faces over the built-in ones); default the shared book. */
  book?: FontBook;
}

const STAND_IN: Rgba = { r: 0xdf, g: 0xe5, b: 0xec, a: 1 };

function boxOf(o: DesignObject): ItemBox {
  return { x: o.x, y: o.y, width: o.width, height: o.height, angle: o.angle ?? 0 };
}

function itemOf(o: DesignObject, growth: PageGrowth, book: FontBook | undefined): SceneItem | null {
  const box = boxOf(o);
  box.y += growth.offsets.get(o.id) ?? 0;
  const base = { id: o.id, box, opacity: o.opacity ?? 1 };
  switch (o.type) {
    case 'rect':
    case 'ellipse': {
      const fill = parseColor(o.fill);
      const strokeWidth = o.strokeWidth ?? 0;
      const stroke = strokeWidth > 0 ? parseColor(o.stroke) : null;
      if (!fill && !stroke) return null;
      return o.type === 'rect'
        ? { ...base, kind: 'rect', fill, stroke, strokeWidth, radius: o.radius ?? 0 }
        : { ...base, kind: 'ellipse', fill, stroke, strokeWidth };
    }
    case 'line': {
      const stroke = parseColor(o.stroke);
      return stroke && o.strokeWidth > 0 ? { ...base, kind: 'line', stroke, strokeWidth: o.strokeWidth } : null;
    }
    case 'image':
      return { ...base, kind: 'image', src: o.src, fit: o.fit, naturalWidth: o.naturalWidth, naturalHeight: o.naturalHeight, role: o.role };
    case 'text':
      return textItem(o, base, growth.blocked.has(o.id), book);
  }
}

function textItem(o: TextObject, base: ItemBase, growBlocked: boolean, book: FontBook | undefined): SceneItem | null {
  if (!o.text.trim()) return null;
  const fill = parseColor(o.fill) ?? { r: 0, g: 0, b: 0, a: 1 };
  const fitted = fitText(o, undefined, { growBlocked, book });
  return {
    ...base,
    // The editor places text by its laid-out height (fabric's Textbox height): so do we.
    box: { ...base.box, height: fitted.layout.height },
    kind: 'text',
    fill,
    layout: fitted.layout,
    fontFamily: o.fontFamily,
    fontWeight: o.fontWeight,
    fontStyle: o.fontStyle ?? 'normal',
    text: o.text,
  };
}

export function buildScene(design: Design, opts: SceneOptions = {}): Scene {
  const count = design.meta.pages ?? 1;
  const wanted = opts.pages ?? Array.from({ length: count }, (_, i) => i);
  const placeholders: Placeholder[] = [];
  const byPage = new Map<number, SceneItem[]>(wanted.map((p) => [p, []]));
  // 'grow' boxes push what is below them down (the same offsets for every back-end).
  const growth = new Map(wanted.map((p) => [p, pageGrowth(design, p, opts.book)]));
  for (const o of objectsInOrder(design)) {
    if (o.visible === false || (o.opacity ?? 1) <= 0) continue;
    const list = byPage.get(o.page ?? 0);
    if (!list) continue;
    const ph = placeholderOf(o);
    if (ph) {
      placeholders.push(ph);
      if (opts.photoStandIns && ph.kind === 'empty-image') {
        const box = boxOf(o);
        box.y += growth.get(o.page ?? 0)!.offsets.get(o.id) ?? 0;
        list.push({ id: o.id, box, opacity: 1, kind: 'rect', fill: STAND_IN, stroke: null, strokeWidth: 0, radius: 0 });
      }
      continue;
    }
    const item = itemOf(o, growth.get(o.page ?? 0)!, opts.book);
    if (item) list.push(item);
  }
  const bleed = opts.bleed ? (design.meta.bleed ?? 0) : 0;
  return {
    title: design.meta.title,
    placeholders,
    pages: wanted.map((index) => ({
      index,
      width: design.meta.width,
      height: design.meta.height,
      bleed,
      background: parseColor(design.meta.background),
      items: byPage.get(index)!,
    })),
  };
}

/** Maps a point of an item's local box (0,0 = top-left of the unrotated box) to page px. */
export function itemTransform(box: ItemBox): [number, number, number, number, number, number] {
  const rad = (box.angle * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // translate(cx, cy) · rotate · translate(-w/2, -h/2)
  const e = cx - cos * (box.width / 2) + sin * (box.height / 2);
  const f = cy - sin * (box.width / 2) - cos * (box.height / 2);
  return [cos, sin, -sin, cos, e, f];
}

/** How an image of natural size nw×nh is placed in a w×h box: the drawn rectangle, box-local px (clip to the box). */
export function imagePlacement(
  nw: number,
  nh: number,
  w: number,
  h: number,
  fit: ImageObject['fit'],
): { x: number; y: number; width: number; height: number } {
  if (!(nw > 0 && nh > 0) || !fit || fit === 'fill') return { x: 0, y: 0, width: w, height: h };
  const s = (fit === 'cover' ? Math.max : Math.min)(w / nw, h / nh);
  const dw = nw * s;
  const dh = nh * s;
  return { x: (w - dw) / 2, y: (h - dh) / 2, width: dw, height: dh };
}
