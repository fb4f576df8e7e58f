/**
 * Comment pins over the canvas. An object's pin sits at the object's current
 * top-left plus its offset and is re-placed after every canvas render (local
 * drags, remote moves, zoom and pan); a point pin stays where it was put. In
 * "add comment" mode a click on an element or on the page opens a composer there.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { layerLabel } from '../../../editor/engine/store.js';
import { useEditor } from '../../../editor/ui/context.js';
import { useToasts } from '../../../toasts.js';
import { workflowApi } from '../api.js';
import { useWorkflow } from './context.js';
import { geometryOf, hittables } from './geometry.js';
import { initials, MentionInput } from './MentionInput.js';
import { hitObject, offsetInObject, pinPoint, toDesign, toScreen, type Point } from './pins.js';

interface Draft {
  objectId: string | null;
  /** Offset in the object (object pins) or page point. */
  x: number;
  y: number;
}

const PIN = 28;

export function CommentLayer() {
  const { editor } = useEditor();
  const w = useWorkflow();
  const toasts = useToasts();
  const pins = useRef(new Map<string, HTMLElement>());
  const draftEl = useRef<HTMLDivElement>(null);
  const hoverEl = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [hoverLabel, setHoverLabel] = useState<string | null>(null);

  const visible = w.threads.filter(
    (t) => (!t.resolved || w.showResolved || w.activeThread === t.root.id) && (t.root.objectId || t.root.x !== null),
  );

  /** Design point → pixel offset inside the canvas host. */
  const screenOf = useCallback((p: Point) => toScreen(p, editor.canvas.viewportTransform), [editor]);

  const layout = useCallback(() => {
    const page = editor.binding.meta;
    for (const t of w.threads) {
      const el = pins.current.get(t.root.id);
      if (!el) continue;
      const c = t.root;
      const p = pinPoint(c, c.objectId ? geometryOf(editor, c.objectId) : null);
      if (!p) {
        el.style.display = 'none';
        continue;
      }
      // Keep point pins on the page if the page was resized.
      const q = c.objectId ? p : { x: Math.min(Math.max(p.x, 0), page.width), y: Math.min(Math.max(p.y, 0), page.height) };
      const s = screenOf(q);
      el.style.display = '';
      el.style.transform = `translate(${Math.round(s.x)}px, ${Math.round(s.y - PIN)}px)`;
    }
    if (draft && draftEl.current) {
      const p = pinPoint(draft, draft.objectId ? geometryOf(editor, draft.objectId) : null);
      if (p) {
        const s = screenOf(p);
        draftEl.current.style.transform = `translate(${Math.round(s.x)}px, ${Math.round(s.y - PIN)}px)`;
      }
    }
  }, [editor, w.threads, draft, screenOf]);

  // Re-place after every canvas render (coalesced to one per frame).
  useEffect(() => {
    let frame = 0;
    const off = editor.canvas.on('after:render', () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), layout()));
    });
    return () => {
      off();
      cancelAnimationFrame(frame);
    };
  }, [editor, layout]);
  useLayoutEffect(layout);

  // Esc leaves comment mode.
  const { commentMode, setCommentMode } = w;
  useEffect(() => {
    if (!commentMode && !draft) return;
    const key = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setDraft(null);
      setCommentMode(false);
    };
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  }, [commentMode, draft, setCommentMode]);
  useEffect(() => {
    if (!w.commentMode) {
      setHoverLabel(null);
      if (hoverEl.current) hoverEl.current.style.display = 'none';
    }
  }, [w.commentMode]);

  const pointFromEvent = (e: React.PointerEvent | React.MouseEvent): Point => {
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    return toDesign({ x: e.clientX - r.left, y: e.clientY - r.top }, editor.canvas.viewportTransform);
  };
  const onMove = (e: React.PointerEvent) => {
    const p = pointFromEvent(e);
    const id = hitObject(p, hittables(editor), editor.binding.meta);
    const box = id ? geometryOf(editor, id) : null;
    const el = hoverEl.current;
    if (!el) return;
    if (!id || !box) {
      el.style.display = 'none';
      setHoverLabel(null);
      return;
    }
    const z = editor.canvas.viewportTransform[0];
    const c = screenOf({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
    el.style.display = '';
    el.style.width = `${box.width * z}px`;
    el.style.height = `${box.height * z}px`;
    el.style.transform = `translate(${c.x - (box.width * z) / 2}px, ${c.y - (box.height * z) / 2}px) rotate(${box.angle}deg)`;
    const m = editor.binding.model(id);
    setHoverLabel(m ? layerLabel(m) : null);
  };
  const onPick = (e: React.MouseEvent) => {
    const p = pointFromEvent(e);
    const { width, height } = editor.binding.meta;
    const id = hitObject(p, hittables(editor), editor.binding.meta);
    const box = id ? geometryOf(editor, id) : null;
    if (id && box) {
      const off = offsetInObject(p, box);
      setDraft({ objectId: id, x: off.x, y: off.y });
    } else if (p.x >= 0 && p.y >= 0 && p.x <= width && p.y <= height) {
      setDraft({ objectId: null, x: Math.round(p.x * 100) / 100, y: Math.round(p.y * 100) / 100 });
    } else {
      toasts.show('Click on the page to place a comment', 'info');
    }
  };

  const send = async () => {
    const body = text.trim();
    if (!draft || !body || busy) return;
    setBusy(true);
    try {
      const c = await workflowApi.addComment(w.designId, {
        body,
        ...(draft.objectId ? { objectId: draft.objectId } : {}),
        x: draft.x,
        y: draft.y,
      });
      setText('');
      setDraft(null);
      w.setCommentMode(false);
      await w.reloadComments();
      w.setActiveThread(c.id);
      w.openPanel('comments');
    } catch (err) {
      toasts.error(err);
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => {
    setDraft(null);
    setText('');
  };

  const draftTarget = draft?.objectId ? editor.binding.model(draft.objectId) : null;
  const hostWidth = editor.opts.host.clientWidth;
  const draftScreen = draft
    ? screenOf(pinPoint(draft, draft.objectId ? geometryOf(editor, draft.objectId) : null) ?? { x: 0, y: 0 })
    : null;
  const flip = draftScreen ? draftScreen.x > hostWidth - 320 : false;

  return (
    <div className="comment-layer" data-testid="comment-layer">
      {w.commentMode && (
        <div
          className="comment-capture"
          data-testid="comment-capture"
          onPointerMove={onMove}
          onPointerLeave={() => hoverEl.current && (hoverEl.current.style.display = 'none')}
          onClick={onPick}
          title={hoverLabel ? `Comment on ${hoverLabel}` : 'Comment on this spot'}
        >
          <div ref={hoverEl} className="comment-hover-box" style={{ display: 'none' }}>
            {hoverLabel && <span className="comment-hover-label">{hoverLabel}</span>}
          </div>
        </div>
      )}
      {visible.map((t) => {
        const last = t.replies[t.replies.length - 1] ?? t.root;
        return (
          <button
            key={t.root.id}
            ref={(el) => {
              if (el) pins.current.set(t.root.id, el);
              else pins.current.delete(t.root.id);
            }}
            className={`comment-pin${w.activeThread === t.root.id ? ' active' : ''}${t.resolved ? ' resolved' : ''}`}
            data-testid="comment-pin"
            data-thread-id={t.root.id}
            data-object-id={t.root.objectId ?? ''}
            aria-label={`Comment ${t.number} by ${t.root.authorName}: ${t.root.body}`}
            onClick={(e) => {
              e.stopPropagation();
              w.setActiveThread(t.root.id);
              w.openPanel('comments');
            }}
          >
            <span className="pin-bubble">{t.number}</span>
            <span className="pin-preview" role="tooltip">
              <span className="pin-preview-head">
                <span className="comment-avatar small">{initials(t.root.authorName)}</span>
                <strong>{t.root.authorName}</strong>
                {t.replies.length > 0 && <span className="muted">· {t.replies.length + 1} messages</span>}
              </span>
              <span className="pin-preview-body">{last.body}</span>
            </span>
          </button>
        );
      })}
      {draft && (
        <div
          ref={draftEl}
          className={`comment-draft${flip ? ' flip' : ''}`}
          data-testid="comment-draft"
          onClick={(e) => e.stopPropagation()}
        >
          <span className="pin-bubble draft">+</span>
          <div className="comment-composer">
            <div className="composer-target muted">
              {draftTarget ? (
                <>
                  Comment on <strong>{layerLabel(draftTarget)}</strong>
                </>
              ) : (
                'Comment on this spot'
              )}
            </div>
            <MentionInput
              value={text}
              onChange={setText}
              onSubmit={send}
              onCancel={cancel}
              people={w.people}
              placeholder="Add a comment… (@ to mention)"
              autoFocus
              rows={3}
              label="Comment"
              testId="comment-input"
            />
            <div className="composer-actions">
              <button className="btn btn-small btn-ghost" onClick={cancel}>
                Cancel
              </button>
              <button className="btn btn-small btn-primary" disabled={!text.trim() || busy} onClick={send} data-testid="comment-submit">
                Comment
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
