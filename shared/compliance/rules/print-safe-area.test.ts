import { describe, expect, it } from 'vitest';
import type { DesignObject } from '../../design/index.js';
import { image, rect, runRule, text } from '../test-support/builders.js';
import { printSafeArea } from './print-safe-area.js';

const flyer = { kind: 'flyer' as const, width: 816, height: 1056, bleed: 12 };

describe('print-safe-area', () => {
  it.each<[string, DesignObject, string | null, Record<string, number> | null]>([
    ['text inside the safe area', text({ id: 'o', text: 'Hi', x: 12, y: 12, width: 200, height: 30 }), null, null],
    ['text in the margin', text({ id: 'o', text: 'Hi', x: 6, y: 100, width: 200, height: 30 }), 'warning', { x: 12, y: 100 }],
    ['text across the trim', text({ id: 'o', text: 'Hi', x: 700, y: 100, width: 200, height: 30 }), 'error', { x: 604, y: 100 }],
    [
      'rotated text whose corners leave the safe area',
      text({ id: 'o', text: 'Hi', x: 12, y: 12, width: 200, height: 30, angle: 45 }),
      'error',
      null,
    ],
    ['logo in the margin', image({ id: 'o', role: 'logo', x: 800, y: 1000, width: 60, height: 20 }), 'error', { x: 744, y: 1000 }],
    ['full-bleed photo', image({ id: 'o', role: 'photo', x: -12, y: -12, width: 840, height: 600 }), null, null],
    ['unlabelled shape at the edge', rect({ id: 'o', x: -12, y: 900, width: 840, height: 200 }), null, null],
    ['empty text', text({ id: 'o', text: '  ', x: -50, y: 0 }), null, null],
  ])('%s', (_name, o, severity, props) => {
    const findings = runRule(printSafeArea, [o], flyer);
    if (severity === null) return expect(findings).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe(severity);
    if (props) expect(findings[0]!.fix).toMatchObject({ kind: 'set-props', props });
  });

  it('does not apply to screen kinds', () => {
    expect(runRule(printSafeArea, [text({ id: 'o', text: 'Hi', x: -10, y: 0 })], { kind: 'social-post' })).toEqual([]);
  });

  it('asks backgrounds that reach the trim to extend into the bleed', () => {
    const short = rect({ id: 'bg', role: 'background', x: 0, y: 0, width: 816, height: 1056 });
    const full = rect({ id: 'bg', role: 'background', x: -12, y: -12, width: 840, height: 1080 });
    expect(runRule(printSafeArea, [short], flyer).map((f) => f.severity)).toEqual(['info']);
    expect(runRule(printSafeArea, [full], flyer)).toEqual([]);
    expect(runRule(printSafeArea, [short], { ...flyer, bleed: 0 })).toEqual([]);
  });
});
