import { describe, expect, it } from 'vitest';
import { transition, type DesignStatus, type ReviewAction } from './state-machine.js';

const agent = { canSubmit: true, canReview: false, blocksApproval: false };
const manager = { canSubmit: true, canReview: true, blocksApproval: false };
const blocked = { ...manager, blocksApproval: true };
const outsider = { canSubmit: false, canReview: false, blocksApproval: false };

// status, action, who → resulting status or error code
const table: Array<[DesignStatus, ReviewAction, typeof agent, DesignStatus | string]> = [
  ['draft', 'submit', agent, 'in_review'],
  ['changes_requested', 'submit', agent, 'in_review'],
  ['in_review', 'submit', agent, 'invalid_transition'],
  ['approved', 'submit', agent, 'invalid_transition'],
  ['draft', 'submit', outsider, 'forbidden'],
  ['in_review', 'approve', manager, 'approved'],
  ['in_review', 'approve', agent, 'forbidden'],
  ['in_review', 'approve', blocked, 'approval_blocked'],
  ['draft', 'approve', manager, 'invalid_transition'],
  ['approved', 'approve', manager, 'invalid_transition'],
  ['in_review', 'request_changes', manager, 'changes_requested'],
  ['in_review', 'request_changes', blocked, 'changes_requested'],
  ['in_review', 'request_changes', agent, 'forbidden'],
  ['draft', 'request_changes', manager, 'invalid_transition'],
  ['approved', 'edit', agent, 'draft'],
  ['changes_requested', 'edit', agent, 'draft'],
  ['in_review', 'edit', agent, 'in_review'],
  ['draft', 'edit', agent, 'draft'],
];

describe('review state machine', () => {
  it.each(table)('%s --%s--> %s', (status, action, who, expected) => {
    const result = transition(status, action, who);
    expect(result.ok ? result.status : result.code).toBe(expected);
  });

  it('reports whether anything changed', () => {
    expect(transition('draft', 'edit', agent)).toMatchObject({ ok: true, changed: false });
    expect(transition('approved', 'edit', agent)).toMatchObject({ ok: true, changed: true });
  });
});
