import { describe, expect, it } from 'vitest';
import { estimateLines } from '../design-utils.js';
import { runRule, text } from '../fixtures.js';
import { textOverflow } from './text-overflow.js';

describe('estimateLines', () => {
  // 16px regular → 8.8px per glyph; 100px box → 11 glyphs per line.
  it.each([
    ['', 1],
    ['Hello', 1],
    ['Hello world', 1], // 11 chars
    ['Hello worlds', 2],
    ['one two three four', 2],
    ['a\nb\nc', 3],
    ['Supercalifragilistic', 2], // 20 chars broken across lines
    ['x\n\ny', 3],
  ])('%j → %i lines', (s, lines) => expect(estimateLines(s, 100, 16, false)).toBe(lines));
  it('bold glyphs are wider', () => expect(estimateLines('Hello world', 100, 16, true)).toBe(2));
});

describe('text-overflow', () => {
  it.each([
    ['fits', 'Short', 400, 40, 24, null],
    ['two lines fit in 56px (2 × 24 × 1.16 = 55.7)', 'Just listed in the heart of Old Town', 300, 56, 24, null],
    ['three lines do not fit in 56px', 'Just listed in the heart of Old Town, charming bungalow', 300, 56, 24, { height: 84 }],
  ] as const)('%s', (_n, s, width, height, fontSize, fix) => {
    const findings = runRule(textOverflow, [text({ id: 't', text: s, width, height, fontSize })]);
    if (fix === null) return expect(findings).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', fix: { kind: 'set-props', props: fix } });
  });

  it('shrinks the font when the box cannot grow within the page', () => {
    const findings = runRule(textOverflow, [text({ id: 't', text: 'Just listed in the heart of Old Town, charming bungalow', x: 0, y: 1040, width: 300, height: 40, fontSize: 24 })]);
    expect(findings[0]!.fix).toMatchObject({ kind: 'set-props', props: { fontSize: 17 } }); // 2 lines × 17 × 1.16 = 39.4
  });
});
