import { describe, expect, it } from 'vitest';
import { alignOffsets, distributeOffsets, snap, snapTargets } from './snapping.js';

const box = (left: number, top: number, w: number, h: number) => ({ left, top, right: left + w, bottom: top + h });

describe('snap', () => {
  const targets = snapTargets({ width: 800, height: 600 }, [box(500, 100, 100, 50)]);
  it.each([
    // [moving box, expected dx, dy]
    [box(3, 300, 50, 50), -3, 0], // left edge to page edge
    [box(373, 272, 50, 50), 2, 3], // centre to page centre (400, 300)
    [box(200, 147, 40, 40), 0, 3], // top edge to object bottom (150)
    [box(200, 210, 40, 40), 0, 0], // nothing in reach
  ])('%o → dx %d dy %d', (moving, dx, dy) => {
    const r = snap(moving, targets, 5);
    expect(r.dx).toBe(dx);
    expect(r.dy).toBe(dy);
  });
  it('reports guides at the lines snapped to', () => {
    const r = snap(box(373, 272, 50, 50), targets, 5);
    expect(r.guidesX).toContain(400);
    expect(r.guidesY).toContain(300);
  });
});

describe('align and distribute', () => {
  const boxes = [box(0, 0, 10, 10), box(50, 20, 20, 20), box(100, 5, 10, 30)];
  const ref = box(0, 0, 110, 40);
  it('aligns left, right, centres', () => {
    expect(alignOffsets(boxes, ref, 'left').map((o) => o.dx)).toEqual([0, -50, -100]);
    expect(alignOffsets(boxes, ref, 'right').map((o) => o.dx)).toEqual([100, 40, 0]);
    expect(alignOffsets(boxes, ref, 'vcenter').map((o) => o.dy)).toEqual([15, -10, 0]);
  });
  it('distributes gaps evenly, outer boxes fixed', () => {
    const d = distributeOffsets([box(0, 0, 10, 10), box(20, 0, 20, 10), box(100, 0, 10, 10)], 'x');
    // span 0..110, widths 40, gap 35: second box should start at 45
    expect(d.map((o) => o.dx)).toEqual([0, 25, 0]);
  });
  it('needs three boxes to distribute', () => {
    expect(distributeOffsets([box(0, 0, 1, 1), box(5, 0, 1, 1)], 'y')).toEqual([
      { dx: 0, dy: 0 },
      { dx: 0, dy: 0 },
    ]);
  });
});
