/**
 * Building and updating fabric objects from model objects. Every object is
 * placed with originX/originY = 'center' (fabric 7's default, set explicitly).
 */
import { Ellipse, FabricImage, InteractiveFabricObject, Rect, Textbox, type FabricObject } from 'fabric';
import type { DesignObject, ImageObject, LineObject, TextObject } from '../../../../shared/design/index.js';
import { placeholderKind } from '../../../../shared/render/placeholders.js';
import {
  DEFAULT_LINE_HEIGHT,
  fontBook,
  firstFamily,
  fitModeOf,
  fitText,
  wordWidth,
  type Face,
  type FontStyle,
} from '../../../../shared/render/index.js';
import { imageCrop, placement, textPlacement } from './convert.js';
import { fontStack } from './fonts.js';
import { simpleGraphemes } from './graphemes.js';

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

/**
 * Control positions (`oCoords`) are read only for the active object (to draw its handles and hit-test
 * them), yet fabric recomputes them for every object on every setCoords, which every add runs: all
 * objects of a design as it opens. Here setCoords only drops them and the first read computes them.
 */
type LazyControls = InteractiveFabricObject & { rbControlCoords?: InteractiveFabricObject['oCoords'] };
const placeCorners = (Object.getPrototypeOf(InteractiveFabricObject.prototype) as { setCoords(): void }).setCoords;
Object.defineProperty(InteractiveFabricObject.prototype, 'oCoords', {
  configurable: true,
  get(this: LazyControls) {
    if (this.rbControlCoords === undefined && this.canvas) this.rbControlCoords = this.calcOCoords();
    return this.rbControlCoords;
  },
  set(this: LazyControls, coords: InteractiveFabricObject['oCoords'] | undefined) {
    this.rbControlCoords = coords;
  },
});
InteractiveFabricObject.prototype.setCoords = function (this: LazyControls) {
  placeCorners.call(this);
  this.rbControlCoords = undefined;
};

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

interface CharStyle {
  fontFamily?: string;
  fontWeight?: number | string;
  fontStyle?: string;
  fontSize?: number;
}

/** The font-file face that lays out text of this style (the shared font book), or null before its files are loaded. */
function faceOf(style: CharStyle): Face | null {
  if (fontBook.size === 0) return null;
  return fontBook.face(firstFamily(style.fontFamily ?? ''), style.fontWeight, (style.fontStyle as FontStyle) ?? 'normal');
}

/**
 * A text box laid out by the shared text layout (shared/render/text-layout.ts): once the brand font
 * files are in the shared font book, words and characters are measured from those files, as the
 * PDF and SVG back-ends measure them, so fabric's wrapping (the same algorithm as `wrapText`)
 * breaks lines in the same places. Until then the canvas measures, as before. Also splits plain
 * copy into graphemes without Intl.Segmenter (see graphemes.ts).
 */
export class DesignTextbox extends Textbox {
  override graphemeSplit(value: string): string[] {
    return simpleGraphemes(value) ?? super.graphemeSplit(value);
  }

  /** Width of a word as wrapping sees it: the shared layout's `wordWidth`, to the bit. */
  override _measureWord(word: string[], lineIndex: number, charOffset = 0): number {
    const face = faceOf(this);
    if (!face) return super._measureWord(word, lineIndex, charOffset);
    return wordWidth(face, word.join(''), this.fontSize, 0);
  }

  /** Advance of one character (kerned against the one before it), from the font file. */
  override _measureChar(
    char: string,
    charStyle: Parameters<Textbox['_measureChar']>[1],
    previousChar: string | undefined,
    prevCharStyle: Parameters<Textbox['_measureChar']>[3],
  ): { width: number; kernedWidth: number } {
    const face = faceOf(charStyle);
    if (!face) return super._measureChar(char, charStyle, previousChar, prevCharStyle);
    const size = charStyle.fontSize;
    const width = face.width(char) * size;
    if (!previousChar || faceOf(prevCharStyle as CharStyle) !== face) return { width, kernedWidth: width };
    return { width, kernedWidth: (face.width(previousChar + char) - face.width(previousChar)) * size };
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

const placeholders = new Map<string, HTMLCanvasElement>();

/** A neutral "photo goes here" tile with the box's aspect ratio. */
function placeholderFor(w: number, h: number, empty: boolean, label = 'Add a photo'): HTMLCanvasElement {
  const pw = 360;
  const ph = Math.max(24, Math.min(2400, Math.round((pw * Math.max(h, 1)) / Math.max(w, 1))));
  const key = `${pw}x${ph}:${empty}:${label}`;
  let c = placeholders.get(key);
  if (c) return c;
  c = document.createElement('canvas');
  c.width = pw;
  c.height = ph;
  const ctx = c.getContext('2d')!;
  ctx.fillStyle = empty ? '#dfe5ec' : '#e9edf2';
  ctx.fillRect(0, 0, pw, ph);
  if (empty) {
    const s = Math.min(pw, ph) * 0.22;
    ctx.save();
    ctx.translate(pw / 2, ph / 2 - (ph > 90 ? s * 0.25 : 0));
    ctx.strokeStyle = '#94a3b8';
    ctx.lineWidth = Math.max(1.5, s * 0.07);
    ctx.lineJoin = 'round';
    ctx.strokeRect(-s, -s * 0.75, s * 2, s * 1.5);
    ctx.beginPath();
    ctx.moveTo(-s * 0.85, s * 0.6);
    ctx.lineTo(-s * 0.25, -s * 0.05);
    ctx.lineTo(s * 0.2, s * 0.4);
    ctx.lineTo(s * 0.45, s * 0.15);
    ctx.lineTo(s * 0.85, s * 0.6);
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(s * 0.45, -s * 0.3, s * 0.16, 0, Math.PI * 2);
    ctx.stroke();
    if (ph > 90) {
      ctx.fillStyle = '#64748b';
      ctx.font = `600 ${Math.round(Math.max(11, s * 0.28))}px system-ui, "Liberation Sans", Arial, sans-serif`;
      ctx.textAlign = 'center';
      ctx.fillText(label, 0, s * 1.25);
    }
    ctx.restore();
  }
  placeholders.set(key, c);
  return c;
}

export type ModelFabricObject = FabricObject & { rbType?: DesignObject['type']; rbSrc?: string };

/**
 * Creates the fabric object for a model object (images fill in once loaded). `cacheText`: draw
 * text through a cache canvas (fast redraws, but creating ~one canvas per object is the costliest
 * part of a design's first frame, so the binding turns it on after that frame).
 */
export function createFabricObject(o: DesignObject, onImageLoaded: () => void, cacheText = true): ModelFabricObject {
  let fo: ModelFabricObject;
  switch (o.type) {
    case 'text':
      // Laid out once, here, with its real font and width (applyModel then finds nothing to re-measure).
      fo = new DesignTextbox(o.text, {
        originX: 'center',
        originY: 'center',
        objectCaching: cacheText,
        splitByGrapheme: false,
        ...textLayout(o),
      });
      break;
    case 'rect':
      // Plain shapes draw faster directly than through a cache canvas (measured: ~4× with 200 shapes).
      fo = new Rect({ originX: 'center', originY: 'center', objectCaching: false, strokeUniform: true });
      break;
    case 'ellipse':
      fo = new Ellipse({ originX: 'center', originY: 'center', objectCaching: false, strokeUniform: true });
      break;
    case 'line':
      fo = new LineShape({ originX: 'center', originY: 'center', objectCaching: false, fill: 'transparent', strokeWidth: 0 });
      break;
    case 'image':
      fo = new FabricImage(placeholderFor(o.width, o.height, !o.src), { originX: 'center', originY: 'center', objectCaching: true });
      break;
  }
  fo.rbType = o.type;
  applyModel(fo, o, onImageLoaded);
  return fo;
}

/**
 * The text properties that decide how a Textbox wraps and measures, as the exports draw it: the
 * family the font book draws (a family without font files prints in the fallback family, so it is
 * shown in it too) and, for 'shrink' boxes, the fitted font size. Both need the font files: until
 * they are loaded, the model's family and size.
 */
export function textLayout(o: TextObject) {
  const face = faceOf(o);
  return {
    text: o.text,
    fontFamily: fontStack(face ? face.family : o.fontFamily),
    fontSize: face && fitModeOf(o) === 'shrink' ? fitText(o).layout.fontSize : o.fontSize,
    fontWeight: o.fontWeight,
    fontStyle: o.fontStyle ?? 'normal',
    textAlign: o.textAlign,
    lineHeight: o.lineHeight ?? DEFAULT_LINE_HEIGHT,
    width: Math.max(1, o.width),
  };
}

/** How faded sample content is drawn in the editor. */
export const SAMPLE_OPACITY = 0.5;

function applyText(fo: Textbox, o: TextObject): void {
  // Laying a Textbox out (wrapping, measuring every glyph) is the costly part of building a text
  // object, and fabric redoes it on any set() of a layout property: pass only the ones that changed.
  const layout = textLayout(o);
  const changed: Partial<typeof layout> = {};
  for (const key of Object.keys(layout) as Array<keyof typeof layout>) {
    if (fo.get(key) !== layout[key]) (changed as Record<string, unknown>)[key] = layout[key];
  }
  fo.set({ ...changed, fill: o.fill, scaleX: 1, scaleY: 1 });
  // Sample content (the template's sample agent, address, price) shows as a placeholder: faded and
  // underlined until it is replaced (it never prints: shared/render/placeholders.ts).
  const sample = placeholderKind(o) === 'sample-text';
  fo.set({ underline: sample, opacity: (o.opacity ?? 1) * (sample ? SAMPLE_OPACITY : 1) });
  fo.set({ ...textPlacement(o, fo.height), angle: o.angle });
  fo.setControlsVisibility({ mt: false, mb: false });
}

function applyImage(fo: FabricImage & { rbSrc?: string }, o: ImageObject, onImageLoaded: () => void): void {
  const url = imageUrl(o.src);
  const el = fo.getElement() as HTMLImageElement | HTMLCanvasElement;
  if (url && fo.rbSrc === url && el instanceof HTMLImageElement) {
    const crop = imageCrop(
      el.naturalWidth || o.naturalWidth || o.width,
      el.naturalHeight || o.naturalHeight || o.height,
      o.width,
      o.height,
      o.fit,
    );
    fo.set({ ...crop, ...placement(o) });
    return;
  }
  // Placeholder until the image arrives (or for a photo frame without a photo).
  const ph = placeholderFor(o.width, o.height, !url);
  if (el !== ph) fo.setElement(ph);
  fo.set({
    cropX: 0,
    cropY: 0,
    width: ph.width,
    height: ph.height,
    scaleX: Math.max(o.width, 1) / ph.width,
    scaleY: Math.max(o.height, 1) / ph.height,
    ...placement(o),
  });
  if (!url) {
    fo.rbSrc = '';
    return;
  }
  if (fo.rbSrc === url) return; // already loading
  fo.rbSrc = url;
  loadImage(url)
    .then((img) => {
      if (fo.rbSrc !== url) return;
      fo.setElement(img);
      fo.dirty = true;
      // The binding re-applies the current model now that the natural size is known.
      onImageLoaded();
    })
    .catch(() => {
      // The photo could not be loaded (an MLS photo the server could not fetch): say so, and
      // offer the frame for another photo, rather than leaving it blank.
      if (fo.rbSrc !== url) return;
      const failed = placeholderFor(o.width, o.height, true, 'Photo unavailable · Add a photo');
      fo.setElement(failed);
      fo.set({
        width: failed.width,
        height: failed.height,
        scaleX: Math.max(o.width, 1) / failed.width,
        scaleY: Math.max(o.height, 1) / failed.height,
      });
      fo.dirty = true;
      (fo as FabricImage & { rbFailed?: boolean }).rbFailed = true;
      fo.canvas?.requestRenderAll();
    });
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
