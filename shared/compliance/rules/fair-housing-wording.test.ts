import { describe, expect, it } from 'vitest';
import { runRule, text } from '../test-support/builders.js';
import { LISTING_REMARKS_TARGET } from '../types.js';
import { fairHousingWording } from './fair-housing-wording.js';

describe('fair-housing-wording', () => {
  it('reports each problem with a replace-text fix at its offset', () => {
    const findings = runRule(fairHousingWording, [text({ id: 'copy', text: 'Cozy bungalow. Adults only! Exclusive neighborhood.' })]);
    expect(findings.map((f) => [f.severity, f.blocking ?? false, f.fix])).toEqual([
      [
        'error',
        true,
        {
          kind: 'replace-text',
          objectId: 'copy',
          from: 'Adults only',
          to: 'All are welcome',
          at: 15,
          label: 'Replace with "All are welcome"',
        },
      ],
      ['warning', false, expect.objectContaining({ kind: 'replace-text', from: 'Exclusive neighborhood', at: 28 })],
    ]);
    expect(findings[0]!.message).toContain('familial status');
  });

  it('checks hidden text and the listing remarks', () => {
    const findings = runRule(
      fairHousingWording,
      [text({ id: 'h', text: 'No kids', visible: false })],
      {},
      { listingRemarks: 'Lovely Christian home.' },
    );
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

  it('gives the span and the reason, and its fix rewrites only the span', () => {
    const copy = 'Sunny two-bedroom near the park. Children will not be allowed in the unit. Pets welcome.';
    const [f] = runRule(fairHousingWording, [text({ id: 'c', text: copy })]);
    expect(f!.span).toEqual({ objectId: 'c', start: 33, end: 61, text: 'Children will not be allowed' });
    expect(f!.reason).toEqual({ protectedClass: 'familial-status', group: 'Children', intent: 'allowed', intentKind: 'exclusion' });
    expect(f!.message).toContain('exclusion: "allowed"');
    const fix = f!.fix!;
    expect(fix.kind === 'replace-text' && copy.slice(0, fix.at) + fix.to + copy.slice(fix.at! + fix.from.length)).toBe(
      'Sunny two-bedroom near the park. Welcoming to all in the unit. Pets welcome.',
    );
  });

  it('does not flag a negated exclusion or an inclusive sentence', () => {
    const objects = [
      text({ id: 'ok', text: 'Families with children are never refused. Not only adults will love the rooftop deck; kids will too.' }),
    ];
    expect(runRule(fairHousingWording, objects)).toEqual([]);
  });
});
