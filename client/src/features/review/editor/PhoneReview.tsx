/**
 * A review on a phone: under the live preview (which can be enlarged to the whole screen), who
 * submitted the design and their note, the live scores with a way into the checks, and the
 * comments with their composer. Approve / Request changes stay in the review bar at the top, in
 * reach whatever the panel is scrolled to.
 */
import { useEditor } from '../../../editor/ui/context.js';
import { summarize } from '../../scoring/format.js';
import { useScoringController, useScoringState } from '../../scoring/ui/hooks.js';
import { ScoreRing } from '../../scoring/ui/ScoreRing.js';
import type { ScoringController } from '../../scoring/controller.js';
import { relativeTime } from '../format.js';
import { CommentsPanel } from './CommentsPanel.js';
import { useWorkflow } from './context.js';
import { StatusPill } from './ReviewControls.js';

function Scores({ c }: { c: ScoringController }) {
  const score = useScoringState(c, (s) => s.score);
  const findings = score?.findings ?? [];
  return (
    <div className="phone-review-scores">
      <ScoreRing score={score?.brand ?? null} label="Brand" size={40} />
      <ScoreRing score={score?.compliance ?? null} label="Compliance" size={40} />
      <span className="phone-review-summary">
        {score === null ? 'Scoring…' : summarize(findings)}
        {score?.blocksApproval && <strong className="phone-review-blocks"> · blocks approval</strong>}
      </span>
      <button type="button" className="btn btn-small" onClick={() => c.setOpen(true, 'checks')} data-testid="phone-review-checks">
        Checks
      </button>
    </div>
  );
}

export function PhoneReview({ onEnlarge }: { onEnlarge(): void }) {
  const w = useWorkflow();
  const { editor } = useEditor();
  const scoring = useScoringController();
  const submitted = [...w.reviews].reverse().find((r) => r.action === 'submitted') ?? null;
  return (
    <section className="phone-review" aria-label="Review" data-testid="phone-review">
      <div className="phone-review-head">
        <StatusPill status={w.status} />
        <button type="button" className="btn btn-small" onClick={onEnlarge} data-testid="preview-enlarge">
          Enlarge preview
        </button>
      </div>
      {w.status === 'in_review' && submitted ? (
        <p className="phone-review-who">
          <span>
            <strong>{submitted.actorName}</strong> submitted this for review <span className="muted">· {relativeTime(submitted.at)}</span>
          </span>
          {submitted.comment && <q className="wf-review-note">{submitted.comment}</q>}
        </p>
      ) : (
        <p className="phone-review-who">
          <span>
            By <strong>{w.info.ownerName}</strong>
          </span>
        </p>
      )}
      {!editor.canEdit && !w.isReviewer && <p className="muted phone-review-hint">You can view and comment on this design.</p>}
      {scoring && <Scores c={scoring} />}
      <h2 className="phone-review-title">Comments</h2>
      <CommentsPanel />
    </section>
  );
}
