import { describe, expect, it } from 'vitest';
import {
  boxAABB,
  containBox,
  boxCorners,
  changedProps,
  fitViewport,
  geometryToModel,
  imageCrop,
  normalizeAngle,
  placement,
  screenToDesign,
  designToScreen,
  textPlacement,
  zoomAt,
} from './convert.js';

const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 6);

describe('model box ⇄ fabric centre placement', () => {
  const cases: Array<[string, { x: number; y: number; width: number; height: number; angle: number }]> = [
    ['unrotated', { x: 10, y: 20, width: 100, height: 50, angle: 0 }],
    ['rotated 45', { x: -30, y: 40, width: 80, height: 20, angle: 45 }],
    ['rotated 270', { x: 300, y: 0, width: 12.5, height: 99, angle: 270 }],
  ];
  it.each(cases)('%s round-trips through fabric geometry', (_name, box) => {
    const p = placement(box);
    expect(p.originX).toBe('center');
    expect(p.originY).toBe('center');
    close(p.left, box.x + box.width / 2);
    close(p.top, box.y + box.height / 2);
    const back = geometryToModel(
      'rect',
      { cx: p.left, cy: p.top, angle: p.angle, scaleX: 1, scaleY: 1, width: box.width, height: box.height },
      {},
    );
    expect(back).toEqual({ x: box.x, y: box.y, width: box.width, height: box.height, angle: box.angle });
  });

  it('rotation keeps the centre fixed (x, y is the unrotated top-left)', () => {
    const box = { x: 0, y: 0, width: 100, height: 50, angle: 90 };
    const [tl, tr, br, bl] = boxCorners(box);
    // centre (50, 25); rotating clockwise by 90° sends the top-left corner to the top-right of the turned box
    close(tl.x, 75);
    close(tl.y, -25);
    close(tr.x, 75);
    close(tr.y, 75);
    close(br.x, 25);
    close(bl.y, -25);
    const bb = boxAABB(box);
    close(bb.left, 25);
    close(bb.right, 75);
    close(bb.top, -25);
    close(bb.bottom, 75);
  });

  it('bakes scale into width and height around the centre', () => {
    const m = geometryToModel('rect', { cx: 100, cy: 100, angle: 30, scaleX: 2, scaleY: 0.5, width: 40, height: 40 }, {});
    expect(m).toEqual({ x: 60, y: 90, width: 80, height: 20, angle: 30 });
  });

  it('scales text font size with the vertical scale', () => {
    const m = geometryToModel('text', { cx: 50, cy: 20, angle: 0, scaleX: 1.5, scaleY: 1.5, width: 100, height: 40 }, { fontSize: 20 });
    expect(m.fontSize).toBe(30);
    expect(m.width).toBe(150);
    expect(
      geometryToModel('text', { cx: 50, cy: 20, angle: 0, scaleX: 1, scaleY: 1, width: 100, height: 40 }, { fontSize: 20 }).fontSize,
    ).toBeUndefined();
  });

  it('lines may have zero height', () => {
    expect(geometryToModel('line', { cx: 50, cy: 10, angle: 0, scaleX: 1, scaleY: 1, width: 100, height: 0 }, {}).height).toBe(0);
  });

  it('normalises angles to [0, 360)', () => {
    expect(normalizeAngle(-90)).toBe(270);
    expect(normalizeAngle(360)).toBe(0);
    expect(normalizeAngle(725.004)).toBe(5);
  });

  it('anchors text at its top-left using the rendered height', () => {
    expect(textPlacement({ x: 10, y: 20, width: 200, height: 30 }, 50)).toEqual({ left: 110, top: 45 });
  });
});

describe('image fitting', () => {
  it('cover crops the overflow centred', () => {
    const c = imageCrop(400, 200, 100, 100, 'cover');
    expect(c.scaleX).toBe(0.5);
    expect(c.scaleY).toBe(0.5);
    expect(c.width).toBe(200);
    expect(c.height).toBe(200);
    expect(c.cropX).toBe(100);
    expect(c.cropY).toBe(0);
  });
  it('contain shows the whole image centred', () => {
    const c = imageCrop(200, 220, 48, 48, 'contain');
    expect(c.width).toBe(200);
    expect(c.height).toBe(220);
    expect(c.scaleX).toBeCloseTo(48 / 220);
    expect(c.scaleY).toBeCloseTo(48 / 220);
  });
  it('scaling a contain image scales its box', () => {
    expect(containBox({ width: 48, height: 48 }, 0.2, 0.4, 0.4)).toEqual({ width: 96, height: 96 });
  });
  it('fill stretches', () => {
    expect(imageCrop(400, 200, 100, 100, undefined)).toEqual({ cropX: 0, cropY: 0, width: 400, height: 200, scaleX: 0.25, scaleY: 0.5 });
  });
  it('scaled cover image converts back to its box', () => {
    const c = imageCrop(1200, 800, 300, 300, 'cover');
    const m = geometryToModel(
      'image',
      { cx: 150, cy: 150, angle: 0, scaleX: c.scaleX, scaleY: c.scaleY, width: c.width, height: c.height },
      {},
    );
    expect(m).toMatchObject({ x: 0, y: 0, width: 300, height: 300 });
  });
});

describe('viewport maths', () => {
  it('screen ⇄ design', () => {
    const vpt = [2, 0, 0, 2, 100, 50];
    const d = screenToDesign({ x: 300, y: 250 }, vpt);
    expect(d).toEqual({ x: 100, y: 100 });
    expect(designToScreen(d, vpt)).toEqual({ x: 300, y: 250 });
  });
  it('zooming keeps the point under the pointer', () => {
    const vpt = [1, 0, 0, 1, 20, 30];
    const next = zoomAt(vpt, { x: 200, y: 200 }, 2.5);
    const before = screenToDesign({ x: 200, y: 200 }, vpt);
    const after = screenToDesign({ x: 200, y: 200 }, next);
    close(before.x, after.x);
    close(before.y, after.y);
  });
  it('fit centres the page', () => {
    const f = fitViewport(800, 1000, 1000, 1000, 50);
    expect(f.zoom).toBeCloseTo(0.9);
    expect(f.x).toBeCloseTo(140);
    expect(f.y).toBeCloseTo(50);
  });
});

describe('changedProps', () => {
  it('keeps only real changes', () => {
    expect(changedProps({ x: 1, fill: '#fff', y: 2 }, { x: 1.001, fill: '#000', y: 3 })).toEqual({ fill: '#000', y: 3 });
  });
});
