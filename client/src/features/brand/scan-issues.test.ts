import { describe, expect, it } from 'vitest';
import { RULES } from '../../../../shared/compliance/rules/index.js';
import { issueLabel, topIssueLabels } from './scan-table.js';

describe('scan top issues', () => {
  it('shows each rule by its title, never its id', () => {
    for (const r of RULES) expect(issueLabel(r.id)).toBe(r.title);
    const [first, second] = RULES;
    expect(topIssueLabels(`${first!.id}; ${second!.id}`)).toEqual([first!.title, second!.title]);
  });

  it('puts an unknown id into words', () => {
    expect(issueLabel('rule-error')).toBe('Rule error');
    expect(topIssueLabels('')).toEqual([]);
  });
});
