/**
 * Top-bar review controls: the status pill (live), review mode with its Edit
 * toggle, "Submit for review" for editors, "Approve" / "Request changes" for
 * brand managers and admins, and the comments / history panel toggles.
 */
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../../api.js';
import { useEditor } from '../../../editor/ui/context.js';
import { peekScoring } from '../../scoring/controller.js';
import { useToasts } from '../../../toasts.js';
import { workflowApi, type DesignStatus } from '../api.js';
import { relativeTime, STATUS_LABEL } from '../format.js';
import { useEditorWorkflow, useWorkflow } from './context.js';
import { MentionInput } from './MentionInput.js';
import { Icon } from '../../../components/icons.js';

export function StatusPill({ status }: { status: DesignStatus }) {
  return (
    <span className={`wf-status wf-status-${status}`} data-testid="design-status" data-status={status} aria-live="polite">
      <span className="wf-status-dot" aria-hidden />
      {STATUS_LABEL[status] ?? status}
    </span>
  );
}

function Popover({ onClose, children, label }: { onClose(): void; children: ReactNode; label: string }) {
  return (
    <>
      <div className="menu-scrim" onClick={onClose} />
      <div className="wf-popover" role="dialog" aria-label={label} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        {children}
      </div>
    </>
  );
}

type Action = 'submit' | 'approve' | 'request_changes';

const COPY: Record<Action, { title: string; placeholder: string; button: string; required: boolean }> = {
  submit: { title: 'Submit for review', placeholder: 'Note for the reviewer (optional)', button: 'Submit', required: false },
  approve: { title: 'Approve this design', placeholder: 'Note for the author (optional)', button: 'Approve', required: false },
  request_changes: {
    title: 'Request changes',
    placeholder: 'What should change? The author sees this right away. (@ to mention)',
    button: 'Request changes',
    required: true,
  },
};

function ActionForm({ action, onDone, onClose }: { action: Action; onDone(status: DesignStatus): void; onClose(): void }) {
  const w = useWorkflow();
  const { editor } = useEditor();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const copy = COPY[action];
  const go = async () => {
    const note = text.trim();
    if ((copy.required && !note) || busy) return;
    setBusy(true);
    setError(null);
    try {
      const r =
        action === 'submit'
          ? await workflowApi.submit(w.designId, note || undefined)
          : await workflowApi.review(w.designId, action, note || undefined);
      onDone(r.status);
    } catch (err) {
      if (err instanceof ApiError) setError({ code: err.code, message: err.message });
      else setError({ code: 'error', message: err instanceof Error ? err.message : 'Something went wrong' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popover onClose={onClose} label={copy.title}>
      <h3 className="wf-popover-title">{copy.title}</h3>
      {action === 'approve' && (
        <p className="muted wf-popover-hint">The author is notified. An edit after approval sends the design back for review.</p>
      )}
      <MentionInput
        value={text}
        onChange={setText}
        onSubmit={go}
        onCancel={onClose}
        people={w.people}
        placeholder={copy.placeholder}
        autoFocus
        rows={3}
        label={copy.title}
        testId={`${action}-comment`}
      />
      {error && (
        <div className={`wf-error${error.code === 'approval_blocked' ? ' blocked' : ''}`} role="alert" data-testid="review-error">
          <strong>{error.code === 'approval_blocked' ? 'Approval is blocked' : 'Could not send'}</strong>
          <span>{error.message}</span>
          {error.code === 'approval_blocked' && (
            <button
              className="btn btn-small"
              onClick={() => {
                peekScoring(editor)?.setOpen(true, 'checks');
                w.openPanel(null);
                onClose();
              }}
            >
              Show the checks
            </button>
          )}
        </div>
      )}
      <div className="composer-actions">
        <button className="btn btn-small btn-ghost" onClick={onClose}>
          Cancel
        </button>
        <button
          className={`btn btn-small ${action === 'approve' ? 'btn-approve' : action === 'request_changes' ? 'btn-warn' : 'btn-primary'}`}
          disabled={busy || (copy.required && !text.trim())}
          onClick={go}
          data-testid={`${action}-confirm`}
        >
          {busy ? 'Sending…' : copy.button}
        </button>
      </div>
    </Popover>
  );
}

function useDecision() {
  const w = useWorkflow();
  const toasts = useToasts();
  return (status: DesignStatus, message: string) => {
    w.setStatus(status);
    w.bumpVersions();
    void w.reloadReviews();
    toasts.show(message, 'success');
  };
}

/** "Submit for review" / "Resubmit" for whoever may edit a draft (top bar). */
function SubmitAction() {
  const w = useWorkflow();
  const decided = useDecision();
  const [open, setOpen] = useState(false);
  if (!w.mayEdit || (w.status !== 'draft' && w.status !== 'changes_requested')) return null;
  const resubmit = w.status === 'changes_requested';
  return (
    <div className="menu-wrap">
      <button
        className="btn btn-primary-soft"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        data-testid="submit-review"
        title={resubmit ? 'Send the design back for review' : 'Ask your brand manager to review this design'}
      >
        {resubmit ? (
          'Resubmit'
        ) : (
          <>
            Submit<span className="wf-wide">&nbsp;for review</span>
          </>
        )}
      </button>
      {open && (
        <ActionForm
          action="submit"
          onClose={() => setOpen(false)}
          onDone={(s) => {
            setOpen(false);
            decided(s, 'Submitted for review — your brand manager was notified');
          }}
        />
      )}
    </div>
  );
}

/** Request changes / Approve (review bar). */
function DecisionActions() {
  const decided = useDecision();
  const [open, setOpen] = useState<Action | null>(null);
  const finish = (s: DesignStatus, message: string) => {
    setOpen(null);
    decided(s, message);
  };
  return (
    <div className="wf-actions">
      <div className="menu-wrap">
        <button
          className="btn btn-warn-soft"
          onClick={() => setOpen(open === 'request_changes' ? null : 'request_changes')}
          aria-expanded={open === 'request_changes'}
          data-testid="request-changes"
        >
          Request changes
        </button>
        {open === 'request_changes' && (
          <ActionForm
            action="request_changes"
            onClose={() => setOpen(null)}
            onDone={(s) => finish(s, 'Changes requested — the author was notified')}
          />
        )}
      </div>
      <div className="menu-wrap">
        <button
          className="btn btn-approve"
          onClick={() => setOpen(open === 'approve' ? null : 'approve')}
          aria-expanded={open === 'approve'}
          data-testid="approve"
        >
          <Icon name="check" size={16} strokeWidth={2.4} />
          Approve
        </button>
        {open === 'approve' && (
          <ActionForm action="approve" onClose={() => setOpen(null)} onDone={(s) => finish(s, 'Approved — the author was notified')} />
        )}
      </div>
    </div>
  );
}

function EditToggle() {
  const w = useWorkflow();
  if (!w.mayEdit)
    return (
      <span className="wf-readonly-note" title="You can comment and decide, not change the design">
        Read-only
      </span>
    );
  return (
    <button
      className={`wf-mode-toggle${w.readOnly ? '' : ' on'}`}
      role="switch"
      aria-checked={!w.readOnly}
      onClick={() => w.setEditing(w.readOnly)}
      data-testid="edit-toggle"
      title={w.readOnly ? 'Switch to editing' : 'Back to read-only review'}
    >
      <span className="wf-switch" aria-hidden />
      {w.readOnly ? 'Edit' : 'Editing'}
    </button>
  );
}

/**
 * The reviewer's bar under the top bar: who submitted what and when (with
 * their note), read-only / Edit, and the decision. Shown when the design was
 * opened from the review queue, or to a reviewer while it is in review.
 */
export function ReviewBar() {
  const w = useEditorWorkflow();
  if (!w || !(w.reviewing || (w.isReviewer && w.status === 'in_review'))) return null;
  const submitted = [...w.reviews].reverse().find((r) => r.action === 'submitted') ?? null;
  const decided = [...w.reviews].reverse().find((r) => r.action === 'approved' || r.action === 'changes_requested') ?? null;
  const canDecide = w.isReviewer && w.status === 'in_review';
  return (
    <div className="wf-review-bar" data-testid="review-bar">
      {w.reviewing && (
        <Link to="/reviews" className="wf-back-queue" title="Back to the review queue">
          Review queue
        </Link>
      )}
      <div className="wf-review-info">
        {w.status === 'in_review' && submitted ? (
          <>
            <span>
              <strong>{submitted.actorName}</strong> submitted this for review <span className="muted">· {relativeTime(submitted.at)}</span>
            </span>
            {submitted.comment && <q className="wf-review-note">{submitted.comment}</q>}
          </>
        ) : w.status === 'approved' ? (
          <span>Approved{decided?.action === 'approved' ? ` by ${decided.actorName} · ${relativeTime(decided.at)}` : ''}</span>
        ) : w.status === 'changes_requested' ? (
          <span>Changes requested — waiting for the author to resubmit</span>
        ) : w.status === 'in_review' ? (
          <span>In review</span>
        ) : (
          <span>Not submitted for review</span>
        )}
      </div>
      <EditToggle />
      {canDecide && <DecisionActions />}
    </div>
  );
}

function PanelToggles() {
  const w = useWorkflow();
  const openThreads = w.threads.filter((t) => !t.resolved).length;
  return (
    <div className="wf-panel-toggles" role="group" aria-label="Comments and history">
      <button
        className={`icon-btn${w.panel === 'comments' ? ' active' : ''}`}
        onClick={() => w.openPanel(w.panel === 'comments' ? null : 'comments')}
        title="Comments"
        aria-label={`Comments${openThreads ? `, ${openThreads} open` : ''}`}
        aria-pressed={w.panel === 'comments'}
        data-testid="comments-toggle"
      >
        <Icon name="comment" size={18} strokeWidth={1.8} />
        {openThreads > 0 && <span className="wf-count">{openThreads}</span>}
      </button>
      <button
        className={`icon-btn wf-history-toggle${w.panel === 'history' ? ' active' : ''}`}
        onClick={() => w.openPanel(w.panel === 'history' ? null : 'history')}
        title="Version history"
        aria-label="Version history"
        aria-pressed={w.panel === 'history'}
        data-testid="history-toggle"
      >
        <Icon name="history" size={18} strokeWidth={1.8} />
      </button>
    </div>
  );
}

/** Status pill and review mode (left of the top bar, after the title). */
export function WorkflowStatus() {
  const w = useEditorWorkflow();
  if (!w) return null;
  return <StatusPill status={w.status} />;
}

/** Panel toggles and "Submit for review" (right of the top bar, before Share / Export). */
export function WorkflowActions() {
  const w = useEditorWorkflow();
  if (!w) return null;
  return (
    <>
      <PanelToggles />
      <SubmitAction />
    </>
  );
}

/** The comments and history toggles alone (a narrow top bar keeps them in its overflow menu). */
export function WorkflowPanelToggles() {
  return useEditorWorkflow() ? <PanelToggles /> : null;
}

/** "Submit for review" (or the reviewer's decision buttons) alone. */
export function WorkflowSubmit() {
  return useEditorWorkflow() ? <SubmitAction /> : null;
}
