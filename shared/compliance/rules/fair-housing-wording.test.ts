import { describe, expect, it } from 'vitest';
import { runRule, text } from '../fixtures.js';
import { LISTING_REMARKS_TARGET } from '../types.js';
import { fairHousingWording } from './fair-housing-wording.js';

describe('fair-housing-wording', () => {
  it('reports each problem with a replace-text fix at its offset', () => {
    const findings = runRule(fairHousingWording, [text({ id: 'copy', text: 'Cozy bungalow. Adults only! Exclusive neighborhood.' })]);
    expect(findings.map((f) => [f.severity, f.blocking ?? false, f.fix])).toEqual([
      ['error', true, { kind: 'replace-text', objectId: 'copy', from: 'Adults only', to: 'All are welcome', at: 15, label: 'Replace with "All are welcome"' }],
      ['warning', false, expect.objectContaining({ kind: 'replace-text', from: 'Exclusive neighborhood', at: 28 })],
    ]);
    expect(findings[0]!.message).toContain('familial status');
  });

  it('checks hidden text and the listing remarks', () => {
    const findings = runRule(fairHousingWording, [text({ id: 'h', text: 'No kids', visible: false })], {}, { listingRemarks: 'Lovely Christian home.' });
    expect(findings.map((f) => [f.objectIds, f.fix?.kind === 'replace-text' ? f.fix.objectId : null])).toEqual([
      [['h'], 'h'],
      [[], LISTING_REMARKS_TARGET],
    ]);
    expect(findings[1]!.message).toContain('listing remarks');
  });

  it('uses the packs from the context', () => {
    const objects = [text({ id: 't', text: 'No Section 8. Young professionals preferred.' })];
    expect(runRule(fairHousingWording, objects, {}, { rulePacks: ['federal', 'TX'] })).toEqual([]);
    expect(runRule(fairHousingWording, objects, {}, { rulePacks: ['federal', 'CA'] })).toHaveLength(2);
  });
});
