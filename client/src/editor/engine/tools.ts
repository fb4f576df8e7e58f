/** Creation tools: drag (or click) on the page to add a text, rectangle, ellipse or line. */
import { Rect, type Canvas } from 'fabric';
import type { BrandKit } from '../../../../shared/brand/index.js';
import type { DesignObject } from '../../../../shared/design/index.js';
import type { Point } from './convert.js';
import { round2 } from './convert.js';
import type { Tool } from './store.js';

export interface NewObjectDefaults {
  kit: BrandKit | null;
}

/** Fresh object id (short, unique enough for one document). */
export function newId(): string {
  const c = globalThis.crypto;
  if (c && 'randomUUID' in c) return c.randomUUID().replace(/-/g, '').slice(0, 20);
  return Math.random().toString(36).slice(2) + Date.now().toString(36);
}

function brandFont(kit: BrandKit | null, role: 'heading' | 'body'): string {
  return kit?.fonts.find((f) => f.role === role)?.family ?? kit?.fonts[0]?.family ?? 'Inter';
}

/** A new object of the tool's kind filling box (x, y, w, h), without id/z. */
/** A model object without its id and z. */
export type NewObject = DesignObject extends infer T ? (T extends DesignObject ? Omit<T, 'id' | 'z'> : never) : never;

export function objectForTool(
  tool: Exclude<Tool, 'select'>,
  box: { x: number; y: number; width: number; height: number },
  kit: BrandKit | null,
): NewObject {
  const palette = kit?.palette ?? [];
  const primary = palette[0]?.hex ?? '#1f3a5f';
  const accent = palette[1]?.hex ?? '#c9a227';
  const b = { x: round2(box.x), y: round2(box.y), width: round2(box.width), height: round2(box.height), angle: 0 };
  switch (tool) {
    case 'text':
      return {
        ...b,
        type: 'text',
        text: 'Add your text',
        fontFamily: brandFont(kit, 'body'),
        fontSize: 32,
        fontWeight: 400,
        fill: primary,
        textAlign: 'left',
      };
    case 'rect':
      return { ...b, type: 'rect', fill: accent };
    case 'ellipse':
      return { ...b, type: 'ellipse', fill: accent };
    case 'line':
      return { ...b, height: 0, type: 'line', stroke: primary, strokeWidth: 3 };
  }
}

const DEFAULT_SIZE: Record<Exclude<Tool, 'select'>, { width: number; height: number }> = {
  text: { width: 320, height: 40 },
  rect: { width: 200, height: 140 },
  ellipse: { width: 160, height: 160 },
  line: { width: 240, height: 0 },
};

/** The box a drag from `a` to `b` draws; a click (tiny drag) gets the default size centred on the point. */
export function boxFromDrag(tool: Exclude<Tool, 'select'>, a: Point, b: Point): { x: number; y: number; width: number; height: number } {
  const w = Math.abs(b.x - a.x);
  const h = Math.abs(b.y - a.y);
  const size = DEFAULT_SIZE[tool];
  if (w < 4 && h < 4) {
    // A click: text starts where you click (like typing); shapes are centred on the point.
    if (tool === 'text') return { x: a.x, y: a.y - size.height / 2, ...size };
    return { x: a.x - size.width / 2, y: a.y - (size.height || 0) / 2, ...size };
  }
  if (tool === 'line') return { x: Math.min(a.x, b.x), y: a.y, width: Math.max(w, 4), height: 0 };
  if (tool === 'text') return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.max(w, 40), height: size.height };
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.max(w, 4), height: Math.max(h, 4) };
}

/** Handles pointer input while a creation tool is active. */
export class CreationTool {
  private start: Point | null = null;
  private preview: Rect | null = null;
  private offs: Array<() => void> = [];
  tool: Tool = 'select';

  constructor(
    private canvas: Canvas,
    private onCreate: (tool: Exclude<Tool, 'select'>, box: { x: number; y: number; width: number; height: number }) => void,
  ) {
    this.offs.push(
      canvas.on('mouse:down', ({ e }) => {
        if (this.tool === 'select' || (e as MouseEvent).button > 0) return;
        this.start = canvas.getScenePoint(e);
        this.preview = new Rect({
          originX: 'left',
          originY: 'top',
          left: this.start.x,
          top: this.start.y,
          width: 0,
          height: 0,
          fill: 'rgba(37, 99, 235, 0.06)',
          stroke: '#2563eb',
          strokeWidth: 1,
          strokeUniform: true,
          strokeDashArray: [4, 3],
          selectable: false,
          evented: false,
          excludeFromExport: true,
        });
        canvas.add(this.preview);
      }),
      canvas.on('mouse:move', ({ e }) => {
        if (!this.start || !this.preview) return;
        const p = canvas.getScenePoint(e);
        const line = this.tool === 'line';
        this.preview.set({
          left: Math.min(this.start.x, p.x),
          top: line ? this.start.y : Math.min(this.start.y, p.y),
          width: Math.abs(p.x - this.start.x),
          height: line ? 0 : Math.abs(p.y - this.start.y),
        });
        canvas.requestRenderAll();
      }),
      canvas.on('mouse:up', ({ e }) => {
        if (!this.start || this.tool === 'select') return;
        const a = this.start;
        const b = canvas.getScenePoint(e);
        this.start = null;
        if (this.preview) canvas.remove(this.preview);
        this.preview = null;
        canvas.requestRenderAll();
        this.onCreate(this.tool, boxFromDrag(this.tool, a, b));
      }),
    );
  }

  setTool(tool: Tool): void {
    this.tool = tool;
    const creating = tool !== 'select';
    this.canvas.selection = !creating;
    this.canvas.skipTargetFind = creating;
    this.canvas.defaultCursor = creating ? 'crosshair' : 'default';
    if (creating) this.canvas.discardActiveObject();
    this.canvas.requestRenderAll();
  }

  dispose(): void {
    for (const off of this.offs) off();
  }
}

/** Moves a new object's box inside the page when it fits (a click near an edge should not leave it hanging off). */
export function clampToPage(
  box: { x: number; y: number; width: number; height: number },
  page: { width: number; height: number },
): { x: number; y: number; width: number; height: number } {
  const x = box.width <= page.width ? Math.min(Math.max(box.x, 0), page.width - box.width) : box.x;
  const y = box.height <= page.height ? Math.min(Math.max(box.y, 0), page.height - box.height) : box.y;
  return { ...box, x, y };
}
