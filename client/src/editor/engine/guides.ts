/** Snapping while dragging, with guide lines drawn over the canvas. */
import type { Canvas, FabricObject } from 'fabric';
import { boxAABB, unionAABB, type AABB } from './convert.js';
import { decompose, type CanvasBinding } from './binding.js';
import { snap, snapTargets, type SnapTargets } from './snapping.js';
import type { PixelRect } from './dirty-region.js';

const GUIDE_COLOR = '#e0407b';
const SNAP_PX = 6;

export class Guides {
  private targets: SnapTargets | null = null;
  private lines: { xs: number[]; ys: number[] } = { xs: [], ys: [] };
  enabled = true;
  private offs: Array<() => void> = [];

  constructor(
    private canvas: Canvas,
    private binding: CanvasBinding,
  ) {
    this.offs.push(
      binding.on({
        moving: (target, ids) => this.onMoving(target, ids),
        transformEnd: () => this.clear(),
        committed: () => this.clear(),
      }),
      canvas.on('after:render', ({ ctx }) => this.draw(ctx as CanvasRenderingContext2D)),
    );
  }

  private clear(): void {
    this.targets = null;
    if (this.lines.xs.length || this.lines.ys.length) {
      this.lines = { xs: [], ys: [] };
      this.canvas.requestRenderAll();
    }
  }

  /** Bounds of what is being moved, in design coordinates. */
  private boundsOf(target: FabricObject): AABB {
    const objs = this.binding.targetsOf(target);
    return unionAABB(
      objs.map((fo) => {
        const g = decompose(fo);
        const w = g.width * Math.abs(g.scaleX);
        const h = g.height * Math.abs(g.scaleY);
        const o = this.binding.model(this.binding.idOf(fo)!);
        const height = o?.type === 'line' ? o.height : h;
        return boxAABB({ x: g.cx - w / 2, y: g.cy - height / 2, width: w, height, angle: g.angle });
      }),
    )!;
  }

  private onMoving(target: FabricObject, ids: string[]): void {
    if (!this.enabled) return;
    if (!this.targets) {
      const moving = new Set(ids);
      const others: AABB[] = [];
      for (const o of this.binding.pageModels()) {
        if (moving.has(o.id) || o.visible === false) continue;
        const b = this.binding.aabbOf(o.id);
        if (b) others.push(b);
      }
      this.targets = snapTargets(this.binding.meta, others);
    }
    const r = snap(this.boundsOf(target), this.targets, SNAP_PX / this.canvas.getZoom());
    if (r.dx || r.dy) {
      target.set({ left: target.left + r.dx, top: target.top + r.dy });
      target.setCoords();
    }
    this.lines = { xs: r.guidesX, ys: r.guidesY };
  }

  /** Where the guide lines are drawn, in canvas pixels (see TransformCache.addOverlay). */
  extents(): PixelRect[] {
    const v = this.canvas.viewportTransform;
    const r = this.canvas.getRetinaScaling();
    const w = this.canvas.width * r;
    const h = this.canvas.height * r;
    return [
      ...this.lines.xs.map((x) => ({ x: (Math.round(x * v[0] + v[4]) - 1) * r, y: 0, width: 3 * r, height: h })),
      ...this.lines.ys.map((y) => ({ x: 0, y: (Math.round(y * v[3] + v[5]) - 1) * r, width: w, height: 3 * r })),
    ];
  }

  private draw(ctx: CanvasRenderingContext2D): void {
    if (!this.lines.xs.length && !this.lines.ys.length) return;
    const v = this.canvas.viewportTransform;
    const w = this.canvas.width;
    const h = this.canvas.height;
    ctx.save();
    ctx.strokeStyle = GUIDE_COLOR;
    ctx.lineWidth = 1;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    for (const x of this.lines.xs) {
      const sx = Math.round(x * v[0] + v[4]) + 0.5;
      ctx.moveTo(sx, 0);
      ctx.lineTo(sx, h);
    }
    for (const y of this.lines.ys) {
      const sy = Math.round(y * v[3] + v[5]) + 0.5;
      ctx.moveTo(0, sy);
      ctx.lineTo(w, sy);
    }
    ctx.stroke();
    ctx.restore();
  }

  dispose(): void {
    for (const off of this.offs) off();
  }
}
