/**
 * Building and updating fabric objects from model objects. Every object is
 * placed with originX/originY = 'center' (fabric 7's default, set explicitly).
 */
import { Ellipse, FabricImage, InteractiveFabricObject, Rect, Textbox, type FabricObject } from 'fabric';
import type { DesignObject, ImageObject, LineObject, TextObject } from '../../../shared/index.js';
import { imageCrop, placement, textPlacement } from './convert.js';
import { fontStack } from './fonts.js';

/** Selection chrome shared by every object. */
Object.assign(InteractiveFabricObject.ownDefaults, {
  originX: 'center',
  originY: 'center',
  borderColor: '#2563eb',
  cornerColor: '#ffffff',
  cornerStrokeColor: '#2563eb',
  cornerStyle: 'rect',
  transparentCorners: false,
  cornerSize: 9,
  touchCornerSize: 24,
  borderScaleFactor: 1.5,
  padding: 0,
  lockSkewingX: true,
  lockSkewingY: true,
});

/** A line runs along the horizontal centre of its box (model contract); the box is its hit area. */
export class LineShape extends Rect {
  static override type = 'RbLine';
  lineColor = '#000000';
  lineWidth = 2;
  override _render(ctx: CanvasRenderingContext2D): void {
    const w = this.width;
    ctx.beginPath();
    ctx.moveTo(-w / 2, 0);
    ctx.lineTo(w / 2, 0);
    ctx.lineWidth = this.lineWidth;
    ctx.strokeStyle = this.lineColor;
    ctx.lineCap = 'butt';
    ctx.stroke();
  }
}

/** Smallest height of a line's hit box in design pixels. */
export const LINE_HIT = 14;

const imageCache = new Map<string, Promise<HTMLImageElement>>();

export function loadImage(src: string): Promise<HTMLImageElement> {
  let p = imageCache.get(src);
  if (!p) {
    p = new Promise((resolve, reject) => {
      const img = new Image();
      img.crossOrigin = 'anonymous';
      img.decoding = 'async';
      img.onload = () => resolve(img);
      img.onerror = () => reject(new Error(`could not load image ${src}`));
      img.src = src;
    });
    p.catch(() => imageCache.delete(src));
    imageCache.set(src, p);
  }
  return p;
}

/** Asset ids become URLs; URLs pass through. */
export function imageUrl(src: string): string {
  if (!src) return '';
  if (/^(https?:|data:|blob:|\/)/.test(src)) return src;
  return `/api/assets/${encodeURIComponent(src)}`;
}

function placeholderElement(): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = 2;
  c.height = 2;
  const ctx = c.getContext('2d')!;
  ctx.fillStyle = '#dbe2ea';
  ctx.fillRect(0, 0, 2, 2);
  return c;
}

export type ModelFabricObject = FabricObject & { rbType?: DesignObject['type']; rbSrc?: string };

/** Creates the fabric object for a model object (images fill in once loaded). */
export function createFabricObject(o: DesignObject, onImageLoaded: () => void): ModelFabricObject {
  let fo: ModelFabricObject;
  switch (o.type) {
    case 'text':
      fo = new Textbox(o.text, { originX: 'center', originY: 'center', objectCaching: true, splitByGrapheme: false });
      break;
    case 'rect':
      fo = new Rect({ originX: 'center', originY: 'center', objectCaching: true, strokeUniform: true });
      break;
    case 'ellipse':
      fo = new Ellipse({ originX: 'center', originY: 'center', objectCaching: true, strokeUniform: true });
      break;
    case 'line':
      fo = new LineShape({ originX: 'center', originY: 'center', objectCaching: false, fill: 'transparent', strokeWidth: 0 });
      break;
    case 'image':
      fo = new FabricImage(placeholderElement(), { originX: 'center', originY: 'center', objectCaching: true });
      break;
  }
  fo.rbType = o.type;
  applyModel(fo, o, onImageLoaded);
  return fo;
}

function applyText(fo: Textbox, o: TextObject): void {
  fo.set({
    text: o.text,
    fontFamily: fontStack(o.fontFamily),
    fontSize: o.fontSize,
    fontWeight: o.fontWeight,
    fontStyle: o.fontStyle ?? 'normal',
    fill: o.fill,
    textAlign: o.textAlign,
    lineHeight: o.lineHeight ?? 1.16,
    width: Math.max(1, o.width),
    scaleX: 1,
    scaleY: 1,
  });
  fo.initDimensions();
  fo.set({ ...textPlacement(o, fo.height), angle: o.angle });
  fo.setControlsVisibility({ mt: false, mb: false });
}

function applyImage(fo: FabricImage & { rbSrc?: string }, o: ImageObject, onImageLoaded: () => void): void {
  const url = imageUrl(o.src);
  const el = fo.getElement() as HTMLImageElement | HTMLCanvasElement;
  const loaded = fo.rbSrc === url && el instanceof HTMLImageElement;
  const nw = loaded ? el.naturalWidth || o.naturalWidth || o.width : o.naturalWidth || o.width;
  const nh = loaded ? el.naturalHeight || o.naturalHeight || o.height : o.naturalHeight || o.height;
  if (loaded) {
    const crop = imageCrop(nw, nh, o.width, o.height, o.fit);
    fo.set({ ...crop, ...placement(o) });
  } else {
    // Placeholder: a 2×2 swatch stretched over the box until the image arrives.
    fo.set({ cropX: 0, cropY: 0, width: 2, height: 2, scaleX: Math.max(o.width, 1) / 2, scaleY: Math.max(o.height, 1) / 2, ...placement(o) });
    if (url && fo.rbSrc !== url) {
      fo.rbSrc = url;
      loadImage(url)
        .then((img) => {
          if (fo.rbSrc !== url) return;
          fo.setElement(img);
          fo.dirty = true;
          // The binding re-applies the current model now that the natural size is known.
          onImageLoaded();
        })
        .catch(() => {});
    }
  }
}

/** Brings an existing fabric object in line with the model object (same type). */
export function applyModel(fo: ModelFabricObject, o: DesignObject, onImageLoaded: () => void): void {
  fo.set({ opacity: o.opacity ?? 1, visible: o.visible !== false });
  switch (o.type) {
    case 'text':
      applyText(fo as Textbox, o);
      break;
    case 'rect':
      fo.set({
        width: Math.max(o.width, 0.5),
        height: Math.max(o.height, 0.5),
        scaleX: 1,
        scaleY: 1,
        fill: o.fill,
        stroke: o.stroke && o.strokeWidth ? o.stroke : undefined,
        strokeWidth: o.stroke ? (o.strokeWidth ?? 0) : 0,
        rx: o.radius ?? 0,
        ry: o.radius ?? 0,
        ...placement(o),
      });
      break;
    case 'ellipse':
      fo.set({
        rx: Math.max(o.width, 0.5) / 2,
        ry: Math.max(o.height, 0.5) / 2,
        width: Math.max(o.width, 0.5),
        height: Math.max(o.height, 0.5),
        scaleX: 1,
        scaleY: 1,
        fill: o.fill,
        stroke: o.stroke && o.strokeWidth ? o.stroke : undefined,
        strokeWidth: o.stroke ? (o.strokeWidth ?? 0) : 0,
        ...placement(o),
      });
      break;
    case 'line': {
      const line = fo as LineShape;
      line.lineColor = (o as LineObject).stroke;
      line.lineWidth = (o as LineObject).strokeWidth;
      fo.set({ width: Math.max(o.width, 1), height: Math.max(o.height, LINE_HIT), scaleX: 1, scaleY: 1, ...placement(o) });
      fo.setControlsVisibility({ mt: false, mb: false, tl: false, tr: false, bl: false, br: false });
      break;
    }
    case 'image':
      applyImage(fo as FabricImage, o, onImageLoaded);
      break;
  }
  fo.dirty = true;
  fo.setCoords();
}
