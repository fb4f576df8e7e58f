/** "Changes requested" banner under the top bar, with the reviewer's comment (live: it appears when the review lands). */
import { useState } from 'react';
import { relativeTime } from '../format.js';
import { useEditorWorkflow } from './context.js';
import { CommentBody } from './CommentsPanel.js';
import { Icon } from '../../../components/icons.js';

export function ReviewBanner() {
  const w = useEditorWorkflow();
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (!w || w.status !== 'changes_requested') return null;
  const latest = [...w.reviews].reverse().find((r) => r.action === 'changes_requested') ?? null;
  const key = latest?.id ?? 'none';
  if (dismissed === key) return null;
  const open = w.threads.filter((t) => !t.resolved).length;
  return (
    <div className="wf-banner wf-banner-changes" role="status" data-testid="changes-requested-banner">
      <Icon name="warning" size={20} strokeWidth={2} className="wf-banner-icon" />
      <div className="wf-banner-main">
        <strong>
          Changes requested{latest ? ` by ${latest.actorName}` : ''}
          {latest && <span className="muted"> · {relativeTime(latest.at)}</span>}
        </strong>
        {latest?.comment ? (
          <CommentBody body={latest.comment} names={w.people.map((p) => p.name)} />
        ) : (
          <span className="muted">See the comments for details.</span>
        )}
      </div>
      <div className="wf-banner-actions">
        {open > 0 && (
          <button className="btn btn-small" onClick={() => w.openPanel('comments')} data-testid="banner-open-comments">
            {open === 1 ? '1 open comment' : `${open} open comments`}
          </button>
        )}
        <button className="icon-btn" onClick={() => setDismissed(key)} aria-label="Dismiss" title="Dismiss">
          <Icon name="close" size={16} strokeWidth={2} />
        </button>
      </div>
    </div>
  );
}
