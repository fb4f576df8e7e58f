import { describe, expect, it } from 'vitest';
import { line, rect, runRule, text } from '../fixtures.js';
import type { Fix } from '../types.js';
import { brandColors } from './brand-colors.js';

describe('brand-colors', () => {
  // [text fill, expected severity (null = no finding), expected fix colour]
  it.each([
    ['#1f3a5f', null, null],
    ['#1F3A5F', null, null],
    ['#223d62', null, null], // ΔE 0.97
    ['#243f66', null, null], // ΔE 1.70
    ['#22406a', 'warning', '#1f3a5f'], // ΔE 2.27
    ['#27476f', 'warning', '#1f3a5f'], // ΔE 4.38
    ['#2a4a75', 'error', '#1f3a5f'], // ΔE 5.47
    ['#ff00ff', 'error', null],
    ['black', null, null],
    ['#000', null, null],
    ['#ffffff', null, null],
    ['transparent', null, null],
    ['rgba(31, 58, 95, 0.5)', null, null],
    ['#c8a128', null, null],
    ['not-a-color', 'warning', null],
  ] as const)('text fill %s → %s', (fill, severity, fixHex) => {
    const findings = runRule(brandColors, [text({ id: 't', text: 'Hi', fill })]);
    if (severity === null) return expect(findings).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe(severity);
    if (fixHex) expect(findings[0]!.fix).toMatchObject({ kind: 'set-props', objectId: 't', props: { fill: fixHex } });
  });

  it('checks rect fill and stroke, line stroke and the page background', () => {
    const findings = runRule(
      brandColors,
      [rect({ id: 'r', fill: '#ff0000', stroke: '#00ff00', strokeWidth: 2 }), line({ id: 'l', stroke: '#0000ff' })],
      { background: '#f0d0b0' },
    );
    const where = (fix: Fix | undefined) =>
      fix?.kind === 'set-props' ? `${fix.objectId}:${Object.keys(fix.props)}` : fix?.kind === 'set-meta' ? `meta:${Object.keys(fix.props)}` : '?';
    expect(findings.map((f) => where(f.fix))).toEqual([
      'meta:background',
      'r:fill',
      'r:stroke',
      'l:stroke',
    ]);
    expect(findings[0]!.fix).toMatchObject({ kind: 'set-meta' });
  });

  it('ignores zero-width strokes and hidden objects', () => {
    expect(runRule(brandColors, [rect({ id: 'r', fill: '#1f3a5f', stroke: '#ff0000', strokeWidth: 0 })])).toEqual([]);
    expect(runRule(brandColors, [rect({ id: 'r', fill: '#ff0000', visible: false })])).toEqual([]);
  });
});
