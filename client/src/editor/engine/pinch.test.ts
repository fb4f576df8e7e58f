import { describe, expect, it } from 'vitest';
import { MAX_ZOOM, MIN_ZOOM, screenToDesign } from './convert.js';
import { pinchViewport, type PinchStart } from './pinch.js';

const start: PinchStart = { vpt: [0.5, 0, 0, 0.5, 100, 40], a: { x: 300, y: 300 }, b: { x: 400, y: 300 } };

describe('pinchViewport', () => {
  it('fingers that have not moved leave the viewport as it was', () => {
    expect(pinchViewport(start, start.a, start.b)).toEqual([0.5, 0, 0, 0.5, 100, 40]);
  });

  it('spreading to twice the distance doubles the zoom around the pinch centre', () => {
    const v = pinchViewport(start, { x: 250, y: 300 }, { x: 450, y: 300 });
    expect(v[0]).toBeCloseTo(1);
    expect(v[3]).toBeCloseTo(1);
    // The design point under the centre (350, 300) is still there.
    const before = screenToDesign({ x: 350, y: 300 }, start.vpt);
    const after = screenToDesign({ x: 350, y: 300 }, v);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('pinching in zooms out', () => {
    expect(pinchViewport(start, { x: 325, y: 300 }, { x: 375, y: 300 })[0]).toBeCloseTo(0.25);
  });

  it('moving both fingers together pans by the same amount without zooming', () => {
    const v = pinchViewport(start, { x: 320, y: 250 }, { x: 420, y: 250 });
    expect(v).toEqual([0.5, 0, 0, 0.5, 120, -10]);
  });

  it('zoom and pan together: the pinched spot follows the moved centre', () => {
    const v = pinchViewport(start, { x: 100, y: 500 }, { x: 400, y: 500 }); // 3× apart, centre (250, 500)
    expect(v[0]).toBeCloseTo(1.5);
    const spot = screenToDesign({ x: 350, y: 300 }, start.vpt);
    expect(v[4] + spot.x * v[0]).toBeCloseTo(250);
    expect(v[5] + spot.y * v[3]).toBeCloseTo(500);
  });

  it('clamps to the editor zoom range', () => {
    expect(pinchViewport(start, { x: 0, y: 300 }, { x: 100000, y: 300 })[0]).toBe(MAX_ZOOM);
    expect(pinchViewport(start, { x: 350, y: 300 }, { x: 350.1, y: 300 })[0]).toBe(MIN_ZOOM);
  });

  it('two fingers that started on one spot only pan', () => {
    const same: PinchStart = { ...start, b: start.a };
    expect(pinchViewport(same, { x: 310, y: 300 }, { x: 330, y: 300 })[0]).toBe(0.5);
  });
});
