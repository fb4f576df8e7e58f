import { describe, expect, it } from 'vitest';
import type { DesignObject } from '../../design/index.js';
import { image, rect, runRule, text } from '../test-support/builders.js';
import { logoClearSpace } from './logo-clear-space.js';

// Logo at (100,100) 300×100, clear space 0.25 × 100 = 25px → zone (75,75)–(425,225).
const logo = () => image({ id: 'logo', role: 'logo', src: '/brand/demo-logo.svg', x: 100, y: 100, width: 300, height: 100, z: 'm' });

describe('logo-clear-space', () => {
  it.each<[string, DesignObject, boolean]>([
    ['text well away', text({ id: 'o', text: 'x', x: 100, y: 400, width: 200, height: 30, z: 'n' }), false],
    ['text inside the clear space', text({ id: 'o', text: 'x', x: 100, y: 210, width: 200, height: 30, z: 'n' }), true],
    ['text just outside', text({ id: 'o', text: 'x', x: 100, y: 226, width: 200, height: 30, z: 'n' }), false],
    ['text overlapping the logo', text({ id: 'o', text: 'x', x: 150, y: 120, width: 100, height: 30, z: 'n' }), true],
    ['page background rect', rect({ id: 'o', x: 0, y: 0, width: 1080, height: 1080, z: 'a' }), false],
    ['decoration role', rect({ id: 'o', role: 'decoration', x: 380, y: 180, width: 50, height: 50, z: 'n' }), false],
    ['backdrop band below the logo', rect({ id: 'o', x: 0, y: 50, width: 1080, height: 200, z: 'a' }), false],
    ['same band above the logo', rect({ id: 'o', x: 0, y: 50, width: 1080, height: 200, z: 'z' }), true],
    ['hidden object', text({ id: 'o', text: 'x', x: 100, y: 210, width: 200, height: 30, z: 'n', visible: false }), false],
    ['same spot on another page', text({ id: 'o', text: 'x', x: 100, y: 210, width: 200, height: 30, z: 'n', page: 1 }), false],
  ])('%s', (_name, other, intrudes) => {
    const findings = runRule(logoClearSpace, [logo(), other]);
    expect(findings.length > 0).toBe(intrudes);
    if (intrudes) expect(findings[0]).toMatchObject({ severity: 'warning', objectIds: ['logo', 'o'] });
  });
});
