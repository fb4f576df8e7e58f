import { describe, expect, it } from 'vitest';
import { line, rect, runRule, text } from '../test-support/builders.js';
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
      fix?.kind === 'set-props'
        ? `${fix.objectId}:${Object.keys(fix.props)}`
        : fix?.kind === 'set-meta'
          ? `meta:${Object.keys(fix.props)}`
          : '?';
    expect(findings.map((f) => where(f.fix))).toEqual(['meta:background', 'r:fill', 'r:stroke', 'l:stroke']);
    expect(findings[0]!.fix).toMatchObject({ kind: 'set-meta' });
  });

  it('snaps text to the nearest brand colour that stays readable on its background', () => {
    // #999 is nearest to Mist, but Mist on white fails contrast; Slate is the nearest readable one.
    const [f] = runRule(brandColors, [text({ id: 't', text: 'Call today', fill: '#999999', fontSize: 14 })]);
    expect(f!.fix).toMatchObject({ kind: 'set-props', props: { fill: '#4a5568' } });
    expect(f!.message).toContain('nearest: Mist');
    // On a navy band, a near-navy headline snaps to a colour readable on navy instead of Navy.
    const band = rect({ id: 'band', x: 0, y: 0, width: 800, height: 300, fill: '#1f3a5f', z: 'a' });
    const [g] = runRule(brandColors, [
      band,
      text({ id: 'h', text: 'Just listed', fill: '#22406a', fontSize: 40, x: 20, y: 20, width: 400, height: 50, z: 'b' }),
    ]);
    expect(g!.fix?.kind === 'set-props' && g!.fix.props.fill).not.toBe('#1f3a5f');
  });

  it('ignores zero-width strokes and hidden objects', () => {
    expect(runRule(brandColors, [rect({ id: 'r', fill: '#1f3a5f', stroke: '#ff0000', strokeWidth: 0 })])).toEqual([]);
    expect(runRule(brandColors, [rect({ id: 'r', fill: '#ff0000', visible: false })])).toEqual([]);
  });
});
