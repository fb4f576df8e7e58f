/**
 * Smooth drags on busy designs: while objects are being moved, scaled or
 * rotated, fabric redraws every object on every pointer move. Instead, the
 * objects below and above the ones being transformed are drawn once into two
 * bitmaps, and each frame composites those around the live objects.
 *
 * The bitmaps are rebuilt whenever anything else could have changed: the
 * binding's scene version (model → canvas changes: remote edits, images
 * arriving, re-stacking, page changes), the viewport, the canvas size or the
 * object list. Measured on a 300-object design in headless Chromium
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
    this.offs.push(
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
      },
    );
  }

  private stop(): void {
    if (!this.moving) return;
    this.moving = null;
    this.layers = null;
    this.canvas.requestRenderAll();
  }

  private render(ctx: CanvasRenderingContext2D, objects: FabricObject[]): void {
    const moving = this.moving ?? this.remoteMovingObjects();
    // Only the main canvas during a transform; exports and thumbnails render normally.
    if (!moving || moving.size === 0 || ctx !== this.canvas.getContext()) {
      this.original.call(this.canvas, ctx, objects);
      return;
    }
    let from = -1;
    let to = -1;
    for (let i = 0; i < objects.length; i++) {
      if (moving.has(objects[i]!)) {
        if (from < 0) from = i;
        to = i;
      }
    }
    if (from < 0) {
      this.original.call(this.canvas, ctx, objects);
      return;
    }
    const el = this.canvas.getElement();
    const m = ctx.getTransform();
    const key = `${this.binding.sceneVersion}|${objects.length}|${from}|${to}|${el.width}x${el.height}|${m.a},${m.b},${m.c},${m.d},${m.e},${m.f}`;
    let layers = this.layers;
    if (!layers || layers.key !== key) {
      layers = this.layers = {
        key,
        from,
        to,
        below: from > 0 ? this.snapshot(el, m, objects.slice(0, from), layers?.below) : null,
        above: to < objects.length - 1 ? this.snapshot(el, m, objects.slice(to + 1), layers?.above) : null,
      };
    }
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
    for (const off of this.offs) off();
    this.offs = [];
    this.moving = null;
    this.layers = null;
  }
}
