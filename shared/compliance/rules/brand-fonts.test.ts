import { describe, expect, it } from 'vitest';
import { runRule, text } from '../test-support/builders.js';
import { brandFonts } from './brand-fonts.js';

describe('brand-fonts', () => {
  // [fontFamily, fontWeight, fontSize, role, expected: [severity, fix props][]]
  it.each([
    ['Open Sans', 400, 16, undefined, []],
    ['"Open Sans", Arial, sans-serif', 600, 16, undefined, []],
    ['open sans', 400, 16, undefined, []],
    ['Montserrat', 700, 48, 'headline', []],
    ['Arial', 400, 16, undefined, [['error', { fontFamily: 'Open Sans' }]]],
    ['Comic Sans MS', 700, 48, 'headline', [['error', { fontFamily: 'Montserrat' }]]],
    ['Open Sans', 300, 16, undefined, [['info', { fontWeight: 400 }]]],
    ['Open Sans', 'bold', 16, undefined, [['info', { fontWeight: 600 }]]],
    ['Open Sans', 400, 9, undefined, [['warning', { fontSize: 11 }]]],
    ['Open Sans', 400, 7, 'disclaimer', [['warning', { fontSize: 8 }]]],
    ['Open Sans', 600, 13, 'headline', []], // a small tag set in the body font follows the body minimum
    ['Montserrat', 700, 13, 'headline', [['warning', { fontSize: 18 }]]],
    ['Open Sans', 400, 9, 'license-number', []],
  ] as const)('%s %s %spx (%s)', (fontFamily, fontWeight, fontSize, role, expected) => {
    const findings = runRule(brandFonts, [text({ id: 't', text: 'Hello', fontFamily, fontWeight, fontSize, role, height: 200 })]);
    expect(findings.map((f) => [f.severity, f.fix && f.fix.kind === 'set-props' ? f.fix.props : undefined])).toEqual(expected);
  });
});
