import { describe, expect, it } from 'vitest';
import { image, runRule } from '../test-support/builders.js';
import { logoUsage } from './logo-usage.js';

const LOGO = '/brand/demo-logo.svg'; // aspect 3, minWidth 120

describe('logo-usage', () => {
  // [src, role, width, height, fit, expected [severity, fix props][]]
  it.each([
    [LOGO, 'logo', 300, 100, undefined, []],
    [LOGO, undefined, 240, 80, undefined, []],
    [LOGO, 'logo', 300, 100.5, undefined, []], // within 1%
    [LOGO, 'logo', 300, 120, undefined, [['error', { height: 100 }]]],
    [LOGO, 'logo', 300, 300, 'contain', []], // letterboxed, not stretched; drawn 300 wide
    [LOGO, 'logo', 90, 30, undefined, [['error', { width: 120, height: 40 }]]],
    [LOGO, 'logo', 300, 30, 'contain', [['error', { width: 120, height: 40 }]]], // drawn 90 wide
    ['/uploads/old-logo.png', 'logo', 300, 100, undefined, [['error', { src: LOGO, height: 100 }]]],
    ['/photos/house.jpg', undefined, 300, 120, undefined, []], // not a logo
  ] as const)('%s role=%s %sx%s fit=%s', (src, role, width, height, fit, expected) => {
    const findings = runRule(logoUsage, [image({ id: 'logo', src, role, width, height, fit })]);
    expect(findings.map((f) => [f.severity, f.fix && f.fix.kind === 'set-props' ? f.fix.props : undefined])).toEqual(expected);
  });
});
