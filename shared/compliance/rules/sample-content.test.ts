import { describe, expect, it } from 'vitest';
import { scoreDesign } from '../engine.js';
import { ctx, design, runRule, text } from '../test-support/builders.js';
import { sampleContent } from './sample-content.js';

describe('sample-content', () => {
  it.each([
    ['the template’s sample, untouched', { text: 'Jordan Ellis', sampleText: 'Jordan Ellis' }, 1],
    ['retyped by the person', { text: 'Sam Carter', sampleText: 'Jordan Ellis' }, 0],
    ['real data (no sample mark)', { text: 'Jordan Ellis' }, 0],
    ['an emptied sample', { text: '', sampleText: 'Jordan Ellis' }, 0],
    ['hidden', { text: 'Jordan Ellis', sampleText: 'Jordan Ellis', visible: false }, 0],
  ] as const)('%s → %i finding(s)', (_what, props, n) => {
    const findings = runRule(sampleContent, [text({ id: 'name', role: 'agent-name', ...props })]);
    expect(findings).toHaveLength(n);
    if (n) {
      expect(findings[0]).toMatchObject({ ruleId: 'sample-content', category: 'compliance', severity: 'warning', objectIds: ['name'] });
      expect(findings[0]!.message).toMatch(/^Sample content left in: the agent name/);
    }
  });

  it('keeps a design with sample content below 100', () => {
    const price = text({ id: 'p', role: 'price', text: '$1,250,000', sampleText: '$1,250,000' });
    const only = [sampleContent];
    expect(scoreDesign(design([price]), ctx(), only).compliance).toBeLessThan(100);
    expect(scoreDesign(design([{ ...price, text: '$990,000' }]), ctx(), only).compliance).toBe(100);
  });
});
