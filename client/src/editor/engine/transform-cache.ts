/**
 * Smooth drags on busy designs: while objects are being moved, scaled or
 * rotated, fabric redraws every object on every pointer move. Instead, the
 * objects below and above the ones being transformed are drawn once into two
 * bitmaps, and each frame composites those around the live objects.
 *
 * The bitmaps are rebuilt whenever anything else could have changed: the
 * binding's scene version (model → canvas changes: remote edits, images
 * arriving, re-stacking, page changes), the viewport, the canvas size or the
 * object list. Building them costs about one full render (on 300 objects, a
 * drag's first frame took ~80 ms), so once something is selected they are
 * built ahead, in idle time, for the objects a drag would move.
 *
 * Each frame after the first of a transform redraws only where something
 * changed: where the moving objects were in the last frame and where they
 * are now (with room for their selection controls), plus whatever overlays
 * (snapping guides) report. Everything else on the canvas is still right from
 * the last frame, so the clear, the bitmaps and the page mask are clipped to
 * that region: fewer pixels rasterised, and Chromium's damage tracking sends
 * only that part of the canvas on to the compositor.
 * Measured on a 300-object design in headless Chromium
 * (bench/editor.ts): see bench/EDITOR-RESULTS.md.
 */
import { util, type Canvas, type FabricObject, type TMat2D } from 'fabric';
import type { CanvasBinding } from './binding.js';
import { dirtyRegion, type PixelRect } from './dirty-region.js';

type RenderObjects = (ctx: CanvasRenderingContext2D, objects: FabricObject[]) => void;
type Internals = Canvas & { _renderObjects: RenderObjects; renderCanvas: RenderObjects };

/** Room around moving objects for what fabric draws around them: borders, corner and rotation handles (CSS px). */
const CONTROLS_ROOM = 48;

interface Layers {
  key: string;
  below: HTMLCanvasElement | null;
  above: HTMLCanvasElement | null;
  /** Index range [from, to] of `objects` drawn live every frame. */
  from: number;
  to: number;
}

export class TransformCache {
  private moving: Set<FabricObject> | null = null;
  private layers: Layers | null = null;
  private offs: Array<() => void> = [];
  private idle = 0;
  /** What a peer selected last (see expectRemoteMove). */
  private remoteHint: string[] = [];
  private remoteWasMoving = false;
  private readonly original: RenderObjects;
  private readonly originalRenderCanvas: RenderObjects;
  /** The last frame drawn from the cached bitmaps: which bitmaps, and where its moving parts and overlays were. */
  private lastFrame: { layers: Layers; rects: PixelRect[] } | null = null;
  private overlays: Array<() => PixelRect[]> = [];
  /** Frames drawn clipped to what changed (tests and the bench read it). */
  partialFrames = 0;

  constructor(
    private canvas: Canvas,
    private binding: CanvasBinding,
  ) {
    const c = canvas as Internals;
    this.original = c._renderObjects;
    this.originalRenderCanvas = c.renderCanvas;
    c._renderObjects = (ctx, objects) => this.render(ctx, objects);
    c.renderCanvas = (ctx, objects) => this.renderFrame(ctx, objects);
    const start = ({ target }: { target: FabricObject }) => {
      if (!this.moving) this.moving = new Set(binding.targetsOf(target));
    };
    const prepareSoon = () => this.prepareSoon();
    // Web fonts arriving re-lay text out (font-loading.ts) without a model change.
    const fontsLoaded = () => (this.layers = null);
    document.fonts?.addEventListener('loadingdone', fontsLoaded);
    this.offs.push(
      () => document.fonts?.removeEventListener('loadingdone', fontsLoaded),
      canvas.on('selection:created', prepareSoon),
      canvas.on('selection:updated', prepareSoon),
      canvas.on('selection:cleared', () => (this.layers = null)),
      canvas.on('object:moving', start),
      canvas.on('object:scaling', start),
      canvas.on('object:rotating', start),
      canvas.on('object:resizing', start),
      canvas.on('mouse:up', () => this.stop()),
      canvas.on('object:modified', () => this.stop()),
      canvas.on('selection:cleared', () => this.stop()),
      // Local edits that don't go through the model first (typing, a finished transform) change the
      // scene while a peer's move may be drawn from the cached bitmaps: rebuild them.
      canvas.on('text:changed', () => (this.layers = null)),
      canvas.on('object:modified', () => (this.layers = null)),
      canvas.on('object:added', () => (this.layers = null)),
      canvas.on('object:removed', () => (this.layers = null)),
      () => {
        c._renderObjects = this.original;
        c.renderCanvas = this.originalRenderCanvas;
        cancelIdle(this.idle);
      },
    );
  }

  /**
   * Something else that draws over the canvas and may change during a transform (snapping guides)
   * reports where it draws, in canvas pixels, so partial frames include it.
   */
  addOverlay(extents: () => PixelRect[]): () => void {
    this.overlays.push(extents);
    return () => (this.overlays = this.overlays.filter((e) => e !== extents));
  }

  /**
   * fabric's renderCanvas, clipped to what changed since the last frame when that frame was drawn
   * from the same bitmaps; the whole canvas otherwise.
   */
  private renderFrame(ctx: CanvasRenderingContext2D, objects: FabricObject[]): void {
    if (ctx !== this.canvas.getContext()) return this.originalRenderCanvas.call(this.canvas, ctx, objects);
    const moving = this.moving ?? this.remoteMovingObjects();
    const base = ctx.getTransform();
    const layers = moving?.size ? this.layersFor(objects, moving, base.multiply(new DOMMatrix(this.canvas.viewportTransform))) : null;
    if (!layers || !moving) {
      this.lastFrame = null;
      return this.originalRenderCanvas.call(this.canvas, ctx, objects);
    }
    const rects = [this.extentOf(moving, base), ...this.overlays.flatMap((e) => e())];
    const last = this.lastFrame;
    this.lastFrame = { layers, rects };
    const el = this.canvas.getElement();
    const region = last && last.layers === layers ? dirtyRegion([...last.rects, ...rects], el.width, el.height) : null;
    if (!region) return this.originalRenderCanvas.call(this.canvas, ctx, objects);
    if (region.length === 0) return; // nothing moved and nothing else changed
    this.partialFrames++;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.beginPath();
    for (const r of region) ctx.rect(r.x, r.y, r.width, r.height);
    ctx.clip();
    ctx.setTransform(base);
    try {
      this.originalRenderCanvas.call(this.canvas, ctx, objects);
    } finally {
      ctx.restore();
    }
  }

  /** One box, in canvas pixels, around everything `moving` draws, with room for controls (an ActiveSelection's border spans them all). */
  private extentOf(moving: Set<FabricObject>, base: DOMMatrix): PixelRect {
    const v = this.canvas.viewportTransform;
    const toPixels = util.multiplyTransformMatrices([base.a, base.b, base.c, base.d, base.e, base.f] as TMat2D, v);
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    let room = 0;
    for (const fo of moving) {
      const c = fo.calcACoords();
      const m = fo.group ? util.multiplyTransformMatrices(toPixels, fo.group.calcTransformMatrix()) : toPixels;
      for (const p of [c.tl, c.tr, c.br, c.bl]) {
        const q = util.transformPoint(p, m);
        x0 = Math.min(x0, q.x);
        y0 = Math.min(y0, q.y);
        x1 = Math.max(x1, q.x);
        y1 = Math.max(y1, q.y);
      }
      const sh = fo.shadow;
      if (sh) room = Math.max(room, (sh.blur + Math.max(Math.abs(sh.offsetX), Math.abs(sh.offsetY))) * Math.abs(toPixels[0]));
    }
    room += CONTROLS_ROOM * Math.abs(base.a);
    return { x: x0 - room, y: y0 - room, width: x1 - x0 + 2 * room, height: y1 - y0 + 2 * room };
  }

  private stop(): void {
    if (!this.moving) return;
    this.moving = null;
    this.layers = null;
    this.canvas.requestRenderAll();
    // The object is still selected: the next drag of it may start at once.
    this.prepareSoon();
  }

  private prepareSoon(): void {
    cancelIdle(this.idle);
    this.idle = whenIdle(() => this.prepare());
  }

  /**
   * A peer selected these objects: they are likely to move them next. With nothing selected here,
   * the bitmaps are prepared for that move (the receiving side's first frame would pay for them too).
   */
  expectRemoteMove(ids: string[]): void {
    this.remoteHint = ids;
    if (!this.moving && !this.canvas.getActiveObject()) this.prepareSoon();
  }

  /** Builds the bitmaps a drag of the current selection (else of a peer's) would use, unless a transform is under way. */
  private prepare(): void {
    if (this.moving) return;
    let moving = new Set<FabricObject>(this.binding.targetsOf(this.canvas.getActiveObject()));
    if (moving.size === 0)
      moving = new Set(this.remoteHint.map((id) => this.binding.fabricOf(id)).filter((o): o is NonNullable<typeof o> => !!o));
    if (moving.size === 0) return;
    const base = this.canvas.getContext().getTransform();
    this.layersFor(this.canvas.getObjects(), moving, base.multiply(new DOMMatrix(this.canvas.viewportTransform)));
  }

  /** The bitmaps around `moving` (kept while the scene is unchanged); null when none of `objects` moves. */
  private layersFor(objects: FabricObject[], moving: Set<FabricObject>, m: DOMMatrix): Layers | null {
    let from = -1;
    let to = -1;
    for (let i = 0; i < objects.length; i++) {
      if (moving.has(objects[i]!)) {
        if (from < 0) from = i;
        to = i;
      }
    }
    if (from < 0) return null;
    const el = this.canvas.getElement();
    const key = `${this.binding.sceneVersion}|${objects.length}|${from}|${to}|${el.width}x${el.height}|${this.canvas.getRetinaScaling()}|${this.canvas.viewportTransform.join(',')}`;
    const old = this.layers;
    if (old && old.key === key) return old;
    return (this.layers = {
      key,
      from,
      to,
      below: from > 0 ? this.snapshot(el, m, objects.slice(0, from), old?.below) : null,
      above: to < objects.length - 1 ? this.snapshot(el, m, objects.slice(to + 1), old?.above) : null,
    });
  }

  private render(ctx: CanvasRenderingContext2D, objects: FabricObject[]): void {
    const remote = this.moving ? null : this.remoteMovingObjects();
    const moving = this.moving ?? remote;
    if (ctx === this.canvas.getContext()) {
      // A peer's move ended (the scene changed with it): they may well move it again.
      if (this.remoteWasMoving && !remote) this.prepareSoon();
      this.remoteWasMoving = !!remote;
    }
    // Only the main canvas during a transform; exports and thumbnails render normally.
    if (!moving || moving.size === 0 || ctx !== this.canvas.getContext()) {
      this.original.call(this.canvas, ctx, objects);
      return;
    }
    const layers = this.layersFor(objects, moving, ctx.getTransform());
    if (!layers) {
      this.original.call(this.canvas, ctx, objects);
      return;
    }
    const { from, to } = layers;
    if (layers.below) this.blit(ctx, layers.below);
    this.original.call(this.canvas, ctx, objects.slice(from, to + 1));
    if (layers.above) this.blit(ctx, layers.above);
  }

  /** What a peer is dragging (see CanvasBinding.remoteMoving), as fabric objects. */
  private remoteMovingObjects(): Set<FabricObject> | null {
    const ids = this.binding.remoteMoving;
    if (!ids) return null;
    const out = new Set<FabricObject>();
    for (const id of ids) {
      const fo = this.binding.fabricOf(id);
      if (fo) out.add(fo);
    }
    return out;
  }

  /** Draws `objects` with the main canvas's current transform into a transparent bitmap of the canvas's size. */
  private snapshot(el: HTMLCanvasElement, m: DOMMatrix, objects: FabricObject[], reuse?: HTMLCanvasElement | null): HTMLCanvasElement {
    const out = reuse ?? document.createElement('canvas');
    if (out.width !== el.width) out.width = el.width;
    if (out.height !== el.height) out.height = el.height;
    const octx = out.getContext('2d')!;
    octx.setTransform(1, 0, 0, 1, 0, 0);
    octx.clearRect(0, 0, out.width, out.height);
    octx.imageSmoothingEnabled = this.canvas.imageSmoothingEnabled;
    octx.setTransform(m);
    this.original.call(this.canvas, octx, objects);
    return out;
  }

  private blit(ctx: CanvasRenderingContext2D, bitmap: HTMLCanvasElement): void {
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    ctx.drawImage(bitmap, 0, 0);
    ctx.restore();
  }

  dispose(): void {
    cancelIdle(this.idle);
    for (const off of this.offs) off();
    this.offs = [];
    this.moving = null;
    this.layers = null;
    this.lastFrame = null;
  }
}

const whenIdle = (fn: () => void): number =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 500 }) : window.setTimeout(fn, 50);
const cancelIdle = (handle: number): void => {
  if (!handle) return;
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else clearTimeout(handle);
};
