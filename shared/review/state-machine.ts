import { z } from 'zod';

export const DESIGN_STATUSES = ['draft', 'in_review', 'approved', 'changes_requested'] as const;
export const DesignStatusSchema = z.enum(DESIGN_STATUSES);
export type DesignStatus = z.infer<typeof DesignStatusSchema>;

export type ReviewAction = 'submit' | 'approve' | 'request_changes' | 'edit';

export interface TransitionContext {
  /** The caller may submit (owner or editor of the design). */
  canSubmit: boolean;
  /** The caller may review (brand manager or admin of the brokerage). */
  canReview: boolean;
  /** The current score blocks approval (Fair Housing error or missing required disclosure). */
  blocksApproval: boolean;
}

export type TransitionResult =
  | { ok: true; status: DesignStatus; changed: boolean }
  | { ok: false; code: 'forbidden' | 'invalid_transition' | 'approval_blocked'; message: string };

/**
 * The review workflow as one pure function:
 * draft → in_review → approved | changes_requested → (edit) → draft.
 * An edit to an approved design sends it back to draft for re-approval.
 */
export function transition(status: DesignStatus, action: ReviewAction, ctx: TransitionContext): TransitionResult {
  switch (action) {
    case 'submit':
      if (!ctx.canSubmit) return { ok: false, code: 'forbidden', message: 'Only people who can edit this design can submit it' };
      if (status === 'draft' || status === 'changes_requested') return { ok: true, status: 'in_review', changed: true };
      if (status === 'in_review') return { ok: false, code: 'invalid_transition', message: 'The design is already in review' };
      return { ok: false, code: 'invalid_transition', message: 'The design is already approved; edit it to start a new round' };
    case 'approve':
      if (!ctx.canReview) return { ok: false, code: 'forbidden', message: 'Only brand managers and admins can approve designs' };
      if (status !== 'in_review') return { ok: false, code: 'invalid_transition', message: 'Only designs in review can be approved' };
      if (ctx.blocksApproval) {
        return {
          ok: false,
          code: 'approval_blocked',
          message: 'A Fair Housing error or a missing required disclosure blocks approval; request changes instead',
        };
      }
      return { ok: true, status: 'approved', changed: true };
    case 'request_changes':
      if (!ctx.canReview) return { ok: false, code: 'forbidden', message: 'Only brand managers and admins can request changes' };
      if (status !== 'in_review') return { ok: false, code: 'invalid_transition', message: 'Only designs in review can be sent back' };
      return { ok: true, status: 'changes_requested', changed: true };
    case 'edit':
      // Editing in review keeps it in review (the reviewer sees the latest); approved or sent-back work returns to draft.
      if (status === 'approved' || status === 'changes_requested') return { ok: true, status: 'draft', changed: true };
      return { ok: true, status, changed: false };
  }
}
