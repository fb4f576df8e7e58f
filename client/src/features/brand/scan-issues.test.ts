import { describe, expect, it } from 'vitest';
import { RULES, ruleTitle } from '../../../../shared/compliance/rules/index.js';
import { issueLabel, topIssueLabels } from './scan-table.js';

describe('scan top issues', () => {
  it('shows each rule by the title the server sent with the row, never its id', () => {
    const [first, second] = RULES;
    const ids = [first!.id, second!.id];
    expect(topIssueLabels({ topIssues: ids.join('; '), topIssueTitles: ids.map(ruleTitle) })).toEqual([first!.title, second!.title]);
    for (const r of RULES) expect(ruleTitle(r.id)).toBe(r.title);
  });

  it('puts an id into words when the row has no titles (reports stored before they had them)', () => {
    expect(issueLabel('rule-error')).toBe('Rule error');
    expect(ruleTitle('rule-error')).toBe('Rule error');
    expect(topIssueLabels({ topIssues: 'eho-mark; rule-error' })).toEqual(['Eho mark', 'Rule error']);
    expect(topIssueLabels({ topIssues: '' })).toEqual([]);
  });
});
