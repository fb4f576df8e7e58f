import { describe, expect, it } from 'vitest';
import { LAYER_OVERSCAN_PX, LAYER_ROW_PX, layerKey, layerWindow, nextLayer } from './layer-window.js';

const overscanRows = LAYER_OVERSCAN_PX / LAYER_ROW_PX;

describe('layerWindow', () => {
  it('keeps every row of a short list', () => {
    expect(layerWindow(23, 0, 300)).toEqual({ start: 0, end: 23 });
    expect(layerWindow(0, 0, 300)).toEqual({ start: 0, end: 0 });
  });

  it('keeps the visible rows of a long list and the overscan around them, not the rest', () => {
    // 300 rows, scrolled to row 150, 320 px (10 rows) visible.
    const { start, end } = layerWindow(300, 150 * LAYER_ROW_PX, 10 * LAYER_ROW_PX);
    expect(start).toBe(150 - overscanRows);
    expect(end).toBe(160 + overscanRows);
  });

  it('clamps at both ends and tolerates odd measurements (negative scroll, zero height, past the end)', () => {
    expect(layerWindow(300, -50, 320).start).toBe(0);
    expect(layerWindow(300, 0, 0)).toEqual({ start: 0, end: overscanRows });
    expect(layerWindow(300, 299 * LAYER_ROW_PX, 320).end).toBe(300);
    const past = layerWindow(300, 100_000, 320);
    expect(past.start).toBeLessThanOrEqual(past.end);
    expect(past.end).toBe(300);
  });
});

describe('choosing a layer with the keyboard', () => {
  const ids = ['logo', 'headline', 'price'];
  it.each([
    ['ArrowDown', 'down'],
    ['ArrowUp', 'up'],
    ['Home', 'first'],
    ['End', 'last'],
    ['Enter', 'edit'],
    ['a', null],
    ['Tab', null],
  ] as const)('%s is %s', (key, move) => {
    expect(layerKey(key)).toBe(move);
  });
  it.each([
    [null, 'down', 'logo'],
    [null, 'up', 'price'],
    ['logo', 'down', 'headline'],
    ['headline', 'up', 'logo'],
    ['logo', 'up', 'logo'],
    ['price', 'down', 'price'],
    ['headline', 'first', 'logo'],
    ['headline', 'last', 'price'],
    ['gone', 'down', 'logo'],
  ] as const)('from %s, %s chooses %s', (current, move, next) => {
    expect(nextLayer(ids, current, move)).toBe(next);
  });
  it('chooses nothing in an empty list', () => {
    expect(nextLayer([], null, 'down')).toBeNull();
  });
});
