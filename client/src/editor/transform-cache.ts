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
 * Measured on a 300-object design in headless Chromium
 * (server/bench/editor.ts): see server/bench/EDITOR-RESULTS.md.
 */
import type { Canvas, FabricObject } from 'fabric';
import type { CanvasBinding } from './binding.js';

type RenderObjects = (ctx: CanvasRenderingContext2D, objects: FabricObject[]) => void;
type Internals = Canvas & { _renderObjects: RenderObjects };

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

  constructor(
    private canvas: Canvas,
    private binding: CanvasBinding,
  ) {
    const c = canvas as Internals;
    this.original = c._renderObjects;
    c._renderObjects = (ctx, objects) => this.render(ctx, objects);
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
        cancelIdle(this.idle);
      },
    );
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
    if (moving.size === 0) moving = new Set(this.remoteHint.map((id) => this.binding.fabricOf(id)).filter((o): o is NonNullable<typeof o> => !!o));
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
  }
}

const whenIdle = (fn: () => void): number => (typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 500 }) : window.setTimeout(fn, 50));
const cancelIdle = (handle: number): void => {
  if (!handle) return;
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else clearTimeout(handle);
};
