/** The comments panel: threads (open first), replies, resolve / reopen, and a composer for comments on the whole design. */
import { useEffect, useRef, useState } from 'react';
import { layerLabel } from '../../../editor/engine/store.js';
import { useEditor } from '../../../editor/ui/context.js';
import { useToasts } from '../../../toasts.js';
import { workflowApi, type Comment } from '../api.js';
import { relativeTime } from '../format.js';
import { useWorkflow } from './context.js';
import { mentionSegments } from './mentions.js';
import { initials, MentionInput } from './MentionInput.js';
import type { Thread } from './pins.js';
import { Icon } from '../../../components/icons.js';

export function CommentBody({ body, names }: { body: string; names: string[] }) {
  return (
    <p className="comment-body">
      {mentionSegments(body, names).map((s, i) =>
        s.mention ? (
          <mark key={i} className="mention">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </p>
  );
}

function Message({ c, names }: { c: Comment; names: string[] }) {
  return (
    <div className="comment-msg">
      <span className="comment-avatar" aria-hidden>
        {initials(c.authorName)}
      </span>
      <div className="comment-msg-main">
        <div className="comment-meta">
          <strong>{c.authorName}</strong>
          <time className="muted" dateTime={c.createdAt} title={new Date(c.createdAt).toLocaleString()}>
            {relativeTime(c.createdAt)}
          </time>
        </div>
        <CommentBody body={c.body} names={names} />
      </div>
    </div>
  );
}

/** Where a thread is pinned, in words. */
export function useTargetLabel(): (c: Comment) => string {
  const { editor } = useEditor();
  return (c) => {
    if (c.objectId) {
      const m = editor.binding.model(c.objectId);
      return m ? layerLabel(m) : 'a removed element';
    }
    return c.x !== null && c.y !== null ? 'a point on the page' : 'the whole design';
  };
}

function ThreadCard({ t, names }: { t: Thread; names: string[] }) {
  const w = useWorkflow();
  const toasts = useToasts();
  const target = useTargetLabel();
  const [reply, setReply] = useState('');
  const [replying, setReplying] = useState(false);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLElement>(null);
  const active = w.activeThread === t.root.id;

  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [active]);

  const send = async () => {
    const body = reply.trim();
    if (!body || busy) return;
    setBusy(true);
    try {
      await workflowApi.addComment(w.designId, { body, parentId: t.root.id });
      setReply('');
      setReplying(false);
      await w.reloadComments();
    } catch (err) {
      toasts.error(err);
    } finally {
      setBusy(false);
    }
  };
  const resolve = async (resolved: boolean) => {
    setBusy(true);
    try {
      await workflowApi.resolveComment(t.root.id, resolved);
      await w.reloadComments();
      if (resolved && active) w.setActiveThread(null);
    } catch (err) {
      toasts.error(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article
      ref={ref}
      className={`thread${active ? ' active' : ''}${t.resolved ? ' resolved' : ''}`}
      data-testid="comment-thread"
      data-thread-id={t.root.id}
      onClick={() => w.setActiveThread(t.root.id)}
    >
      <header className="thread-head">
        <span className={`thread-num${t.root.objectId || t.root.x !== null ? '' : ' general'}`} aria-label={`Comment ${t.number}`}>
          {t.number}
        </span>
        <span className="thread-target" title={target(t.root)}>
          on <strong>{target(t.root)}</strong>
        </span>
        <button
          className="icon-btn thread-resolve"
          disabled={busy}
          onClick={(e) => {
            e.stopPropagation();
            void resolve(!t.resolved);
          }}
          title={t.resolved ? 'Reopen' : 'Resolve'}
          aria-label={t.resolved ? 'Reopen thread' : 'Resolve thread'}
          data-testid={t.resolved ? 'reopen-thread' : 'resolve-thread'}
        >
          {t.resolved ? <Icon name="reopen" size={16} strokeWidth={2} /> : <Icon name="resolved" size={16} strokeWidth={2} />}
        </button>
      </header>
      <Message c={t.root} names={names} />
      {t.replies.map((r) => (
        <Message key={r.id} c={r} names={names} />
      ))}
      {t.resolved && <p className="thread-resolved-note muted">Resolved {relativeTime(t.root.resolvedAt)}</p>}
      {!t.resolved &&
        (replying || reply ? (
          <div className="thread-reply" onClick={(e) => e.stopPropagation()}>
            <MentionInput
              value={reply}
              onChange={setReply}
              onSubmit={send}
              onCancel={() => setReplying(false)}
              people={w.people}
              placeholder="Reply… (@ to mention)"
              autoFocus
              label="Reply"
              testId="reply-input"
            />
            <div className="composer-actions">
              <button className="btn btn-small btn-ghost" onClick={() => (setReply(''), setReplying(false))}>
                Cancel
              </button>
              <button className="btn btn-small btn-primary" disabled={!reply.trim() || busy} onClick={send} data-testid="reply-send">
                Reply
              </button>
            </div>
          </div>
        ) : (
          <button
            className="thread-reply-link"
            onClick={(e) => {
              e.stopPropagation();
              setReplying(true);
              w.setActiveThread(t.root.id);
            }}
            data-testid="reply-button"
          >
            Reply
          </button>
        ))}
    </article>
  );
}

function GeneralComposer() {
  const w = useWorkflow();
  const toasts = useToasts();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async () => {
    const text = body.trim();
    if (!text || busy) return;
    setBusy(true);
    try {
      const c = await workflowApi.addComment(w.designId, { body: text });
      setBody('');
      await w.reloadComments();
      w.setActiveThread(c.id);
    } catch (err) {
      toasts.error(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="general-composer">
      <MentionInput
        value={body}
        onChange={setBody}
        onSubmit={send}
        people={w.people}
        placeholder="Comment on the whole design… (@ to mention)"
        label="Comment on the whole design"
        testId="general-comment-input"
      />
      {body.trim() && (
        <div className="composer-actions">
          <span className="muted composer-hint">Enter to send · Shift+Enter for a new line</span>
          <button className="btn btn-small btn-primary" disabled={busy} onClick={send}>
            Comment
          </button>
        </div>
      )}
    </div>
  );
}

export function CommentsPanel() {
  const w = useWorkflow();
  const open = w.threads.filter((t) => !t.resolved);
  const resolved = w.threads.filter((t) => t.resolved);
  const names = [...new Set([...w.people.map((p) => p.name), ...w.comments.map((c) => c.authorName), w.user.name])];
  return (
    <div className="comments-panel" data-testid="comments-panel">
      <div className="comments-toolbar">
        <button
          className={`btn btn-small${w.commentMode ? ' btn-primary' : ''}`}
          onClick={() => w.setCommentMode(!w.commentMode)}
          aria-pressed={w.commentMode}
          data-testid="add-comment"
        >
          <Icon name="commentAdd" size={15} strokeWidth={2} />
          {w.commentMode ? 'Pick a spot…' : 'Add comment'}
        </button>
        <label className="check-toggle">
          <input
            type="checkbox"
            checked={w.showResolved}
            onChange={(e) => w.setShowResolved(e.target.checked)}
            data-testid="show-resolved"
          />{' '}
          Resolved ({resolved.length})
        </label>
      </div>
      {w.commentMode && (
        <p className="comment-mode-hint" role="status">
          Click an element to pin a comment to it (the pin moves with it), or click an empty spot on the page. <kbd>Esc</kbd> to cancel.
        </p>
      )}
      <div className="threads" data-testid="threads">
        {!w.commentsLoaded ? (
          <div className="panel-loading">
            <div className="spinner spinner-small" />
          </div>
        ) : open.length === 0 && (!w.showResolved || resolved.length === 0) ? (
          <div className="comments-empty">
            <strong>{resolved.length ? 'All comments resolved' : 'No comments yet'}</strong>
            <span className="muted">Use “Add comment” and click an element or a spot on the page. Type @ to mention someone.</span>
          </div>
        ) : (
          <>
            {open.map((t) => (
              <ThreadCard key={t.root.id} t={t} names={names} />
            ))}
            {w.showResolved && resolved.length > 0 && (
              <>
                <h3 className="threads-heading">Resolved</h3>
                {resolved.map((t) => (
                  <ThreadCard key={t.root.id} t={t} names={names} />
                ))}
              </>
            )}
          </>
        )}
      </div>
      <GeneralComposer />
    </div>
  );
}
