import { describe, expect, it } from 'vitest';
import { image, runRule } from '../test-support/builders.js';
import { effectivePpi, imageResolution } from './image-resolution.js';

describe('effectivePpi', () => {
  it.each([
    [{ width: 96, height: 96, naturalWidth: 300, naturalHeight: 300 }, 300],
    [{ width: 192, height: 96, naturalWidth: 300, naturalHeight: 300 }, 150], // stretched: worst axis
    [{ width: 192, height: 96, naturalWidth: 300, naturalHeight: 300, fit: 'cover' }, 150],
    [{ width: 192, height: 96, naturalWidth: 300, naturalHeight: 300, fit: 'contain' }, 300],
  ])('%j → %i ppi', (o, ppi) => expect(effectivePpi(o)).toBeCloseTo(ppi, 6));
});

describe('image-resolution', () => {
  // A 3in-wide placement (288px) of an image N px wide.
  it.each([
    [900, null],
    [1200, null],
    [600, 'warning'], // 200 ppi
    [400, 'error'], // 133 ppi
  ] as const)('%i px wide at 3in → %s', (naturalWidth, severity) => {
    const findings = runRule(
      imageResolution,
      [image({ id: 'i', width: 288, height: 192, naturalWidth, naturalHeight: (naturalWidth * 2) / 3 })],
      { kind: 'flyer' },
    );
    expect(findings.map((f) => f.severity)).toEqual(severity ? [severity] : []);
  });

  it('skips screen kinds and images of unknown size', () => {
    expect(
      runRule(imageResolution, [image({ id: 'i', width: 288, height: 192, naturalWidth: 100, naturalHeight: 66 })], {
        kind: 'social-post',
      }),
    ).toEqual([]);
    expect(runRule(imageResolution, [image({ id: 'i', width: 288, height: 192 })], { kind: 'flyer' })).toEqual([]);
  });
});
