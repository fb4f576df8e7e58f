/** Pure snapping maths: the moving box's edges and centre snap to candidate lines. */
import type { AABB } from './convert.js';

export interface SnapTargets {
  /** Vertical lines (x positions). */
  xs: number[];
  /** Horizontal lines (y positions). */
  ys: number[];
}

export interface SnapResult {
  dx: number;
  dy: number;
  /** Lines to draw as guides (design coordinates). */
  guidesX: number[];
  guidesY: number[];
}

/** Candidate lines from the page (edges, centre) and other objects' bounds. */
export function snapTargets(page: { width: number; height: number }, others: AABB[]): SnapTargets {
  const xs = [0, page.width / 2, page.width];
  const ys = [0, page.height / 2, page.height];
  for (const b of others) {
    xs.push(b.left, (b.left + b.right) / 2, b.right);
    ys.push(b.top, (b.top + b.bottom) / 2, b.bottom);
  }
  return { xs, ys };
}

function snapAxis(lines: number[], targets: number[], threshold: number): { delta: number; guides: number[] } {
  let best: number | null = null;
  for (const line of lines) {
    for (const t of targets) {
      const d = t - line;
      if (Math.abs(d) <= threshold && (best === null || Math.abs(d) < Math.abs(best))) best = d;
    }
  }
  if (best === null) return { delta: 0, guides: [] };
  const guides = new Set<number>();
  for (const line of lines) {
    for (const t of targets) if (Math.abs(line + best - t) < 0.5) guides.add(t);
  }
  return { delta: best, guides: [...guides] };
}

/** How far to shift `moving` so its nearest edge or centre lands on a target, within `threshold`. */
export function snap(moving: AABB, targets: SnapTargets, threshold: number): SnapResult {
  const x = snapAxis([moving.left, (moving.left + moving.right) / 2, moving.right], targets.xs, threshold);
  const y = snapAxis([moving.top, (moving.top + moving.bottom) / 2, moving.bottom], targets.ys, threshold);
  return { dx: x.delta, dy: y.delta, guidesX: x.guides, guidesY: y.guides };
}

export type AlignMode = 'left' | 'hcenter' | 'right' | 'top' | 'vcenter' | 'bottom';

/** Offsets that align each box to `ref` (the selection bounds, or the page for one object). */
export function alignOffsets(boxes: AABB[], ref: AABB, mode: AlignMode): Array<{ dx: number; dy: number }> {
  return boxes.map((b) => {
    switch (mode) {
      case 'left':
        return { dx: ref.left - b.left, dy: 0 };
      case 'right':
        return { dx: ref.right - b.right, dy: 0 };
      case 'hcenter':
        return { dx: (ref.left + ref.right) / 2 - (b.left + b.right) / 2, dy: 0 };
      case 'top':
        return { dx: 0, dy: ref.top - b.top };
      case 'bottom':
        return { dx: 0, dy: ref.bottom - b.bottom };
      case 'vcenter':
        return { dx: 0, dy: (ref.top + ref.bottom) / 2 - (b.top + b.bottom) / 2 };
    }
  });
}

/** Offsets that make the gaps between boxes equal along an axis, keeping the outermost in place. */
export function distributeOffsets(boxes: AABB[], axis: 'x' | 'y'): Array<{ dx: number; dy: number }> {
  const out = boxes.map(() => ({ dx: 0, dy: 0 }));
  if (boxes.length < 3) return out;
  const lo = axis === 'x' ? 'left' : 'top';
  const hi = axis === 'x' ? 'right' : 'bottom';
  const order = boxes.map((b, i) => i).sort((a, b) => boxes[a][lo] - boxes[b][lo] || a - b);
  const first = boxes[order[0]];
  const start = first[lo];
  const end = Math.max(...boxes.map((b) => b[hi]));
  const total = boxes.reduce((s, b) => s + (b[hi] - b[lo]), 0);
  const gap = (end - start - total) / (boxes.length - 1);
  let cursor = start;
  for (const i of order) {
    const b = boxes[i];
    const d = cursor - b[lo];
    out[i] = axis === 'x' ? { dx: d, dy: 0 } : { dx: 0, dy: d };
    cursor += b[hi] - b[lo] + gap;
  }
  return out;
}
