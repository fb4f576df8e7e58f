/**
 * Provides the review workflow to the editor: the design's status (live via
 * socket.io 'design:event'), review mode (read-only until "Edit"), comments
 * (live on comment/mention notifications, polled while the panel is open),
 * reviews and the people one can @mention.
 */
import { useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { PHONE_QUERY } from '../../../components/use-media-query.js';
import { useSearchParams } from 'react-router-dom';
import { type DesignInfo, type DesignShare, type User } from '../../../api.js';
import { EditorContext } from '../../../editor/ui/context.js';
import { acquireSocket, releaseSocket } from '../../../realtime.js';
import { peekScoring } from '../../scoring/controller.js';
import { useToasts } from '../../../toasts.js';
import { api } from '../../../api.js';
import { workflowApi, type Comment, type DesignStatus, type Notification, type ReviewEntry } from '../api.js';
import { EditorWorkflowContext, type EditorWorkflowValue, type WorkflowPanel } from './context.js';
import type { Person } from './mentions.js';
import { buildThreads } from './pins.js';
import './review.css';

const STATUSES = new Set<DesignStatus>(['draft', 'in_review', 'approved', 'changes_requested']);
const COMMENT_POLL_MS = 5_000;
const COMMENT_IDLE_POLL_MS = 20_000;

function asStatus(s: string): DesignStatus {
  return STATUSES.has(s as DesignStatus) ? (s as DesignStatus) : 'draft';
}

export function EditorWorkflow({ info, user, children }: { info: DesignInfo; user: User; children: ReactNode }) {
  const ctx = useContext(EditorContext);
  const editor = ctx?.editor ?? null;
  const designId = info.id;
  const [params] = useSearchParams();
  const reviewing = params.get('review') === '1';
  const mayEdit = info.access === 'edit';
  const isReviewer = user.role === 'brand_manager' || user.role === 'admin';

  const [status, setStatus] = useState<DesignStatus>(asStatus(info.status));
  const [editing, setEditingState] = useState(!reviewing);
  // A reviewer starts with the comments open, except on a phone, where they would cover the design.
  const [panel, setPanel] = useState<WorkflowPanel | null>(reviewing && !window.matchMedia(PHONE_QUERY).matches ? 'comments' : null);
  const [comments, setComments] = useState<Comment[]>([]);
  const [commentsLoaded, setCommentsLoaded] = useState(false);
  const [activeThread, setActiveThread] = useState<string | null>(null);
  const [commentMode, setCommentModeState] = useState(false);
  const [showResolved, setShowResolved] = useState(false);
  const [reviews, setReviews] = useState<ReviewEntry[]>([]);
  const [versionsEpoch, setVersionsEpoch] = useState(0);
  const [directory, setDirectory] = useState<Person[]>([]);

  // ---- read-only review mode -------------------------------------------------
  const wantReadOnly = !mayEdit || (reviewing && !editing);
  const [applied, setApplied] = useState<{ editor: unknown; readOnly: boolean } | null>(null);
  useLayoutEffect(() => {
    if (!editor) return;
    const canEdit = mayEdit && !wantReadOnly;
    if (!canEdit) {
      editor.setTool('select');
      editor.canvas.discardActiveObject();
      editor.undoManager.clear();
    }
    editor.binding.setOptions({ canEdit, canLock: canEdit && info.canLock });
    editor.store.set({ selection: [], selected: [] });
    setApplied({ editor, readOnly: wantReadOnly });
  }, [editor, wantReadOnly, mayEdit, info.canLock]);
  // A fresh context value so every editor component re-reads `editor.canEdit` (`applied` changes when it flips).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const editorCtx = useMemo(() => (ctx ? { ...ctx } : null), [ctx, applied]);

  // ---- comments ----------------------------------------------------------------
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  const reloadComments = useCallback(async () => {
    try {
      const r = await workflowApi.comments(designId);
      if (!live.current) return;
      setComments((prev) => (JSON.stringify(prev) === JSON.stringify(r.comments) ? prev : r.comments));
      setCommentsLoaded(true);
    } catch {
      // Keep what we have; the next poll or event tries again.
    }
  }, [designId]);
  const reloadReviews = useCallback(async () => {
    try {
      const r = await workflowApi.reviews(designId);
      if (live.current) setReviews(r.reviews);
    } catch {
      /* the banner just stays as it was */
    }
  }, [designId]);
  useEffect(() => {
    void reloadComments();
    void reloadReviews();
  }, [reloadComments, reloadReviews]);
  useEffect(() => {
    const t = setInterval(
      () => {
        if (document.visibilityState === 'visible') void reloadComments();
      },
      panel === 'comments' ? COMMENT_POLL_MS : COMMENT_IDLE_POLL_MS,
    );
    return () => clearInterval(t);
  }, [panel, reloadComments]);

  // ---- live events ----------------------------------------------------------------
  const toasts = useToasts();
  const handlers = useRef({ reloadComments, reloadReviews, toasts });
  handlers.current = { reloadComments, reloadReviews, toasts };
  useEffect(() => {
    const socket = acquireSocket();
    const join = () => socket.emit('design:join', { designId });
    const onDesign = (e: { type?: string; designId?: string; status?: string }) => {
      if (e?.designId !== designId || e.type !== 'status' || !e.status) return;
      setStatus(asStatus(e.status));
      setVersionsEpoch((n) => n + 1);
      void handlers.current.reloadReviews();
    };
    const onNotification = (n: Notification) => {
      if (n?.designId !== designId) return;
      // The app header's bell is not on the editor page: say it here.
      if (n.title) handlers.current.toasts.show(n.title, n.kind === 'approved' ? 'success' : 'info');
      if (n.kind === 'comment' || n.kind === 'mention') void handlers.current.reloadComments();
      else {
        void handlers.current.reloadReviews();
        api
          .design(designId)
          .then((d) => live.current && setStatus(asStatus(d.status)))
          .catch(() => undefined);
      }
    };
    if (socket.connected) join();
    socket.on('connect', join);
    socket.on('design:event', onDesign);
    socket.on('notification', onNotification);
    return () => {
      socket.off('connect', join);
      socket.off('design:event', onDesign);
      socket.off('notification', onNotification);
      socket.emit('design:leave', { designId });
      releaseSocket();
    };
  }, [designId]);

  // ---- people to @mention ------------------------------------------------------------
  useEffect(() => {
    let ok = true;
    const people: Person[] = [];
    const admins = user.role === 'admin' ? api.people().then((r) => r.people.filter((p) => p.active !== false)) : Promise.resolve([]);
    // Everyone active in the brokerage can be mentioned (names only for non-admins).
    const colleagues = api.mentionable().then((r) => r.people.map((p) => ({ ...p, email: undefined as string | undefined })));
    const shares = mayEdit
      ? api.shares(designId).then((r) => r.shares.map((s: DesignShare) => ({ id: s.userId, name: s.name, email: s.email })))
      : Promise.resolve([]);
    void Promise.allSettled([admins, shares, colleagues]).then((rs) => {
      for (const r of rs) if (r.status === 'fulfilled') people.push(...r.value.map((p) => ({ id: p.id, name: p.name, email: p.email })));
      if (ok) setDirectory(people);
    });
    return () => {
      ok = false;
    };
  }, [designId, mayEdit, user.role]);
  const people = useMemo(() => {
    const byId = new Map<string, Person>();
    const add = (p: Person) => p.id !== user.id && p.name && !byId.has(p.id) && byId.set(p.id, p);
    directory.forEach(add);
    comments.forEach((c) => add({ id: c.authorId, name: c.authorName }));
    reviews.forEach((r) => add({ id: r.actorId, name: r.actorName }));
    for (const p of editor?.store.get().peers ?? []) if (p.user?.id) add({ id: p.user.id, name: p.user.name });
    return [...byId.values()];
  }, [directory, comments, reviews, editor, user.id]);

  // ---- panels and modes ------------------------------------------------------------
  const openPanel = useCallback(
    (p: WorkflowPanel | null) => {
      setPanel(p);
      // One drawer at a time keeps the canvas usable.
      if (p && editor) peekScoring(editor)?.setOpen(false);
      if (p !== 'comments') setCommentModeState(false);
    },
    [editor],
  );
  const setCommentMode = useCallback(
    (on: boolean) => {
      setCommentModeState(on);
      if (on) {
        editor?.canvas.discardActiveObject();
        editor?.canvas.requestRenderAll();
        setPanel('comments');
      }
    },
    [editor],
  );
  const setEditing = useCallback((on: boolean) => setEditingState(on), []);
  const threads = useMemo(() => buildThreads(comments), [comments]);

  const value = useMemo<EditorWorkflowValue>(
    () => ({
      designId,
      info,
      user,
      status,
      setStatus,
      reviewing,
      mayEdit,
      readOnly: wantReadOnly,
      setEditing,
      isReviewer,
      panel,
      openPanel,
      comments,
      threads,
      commentsLoaded,
      reloadComments,
      activeThread,
      setActiveThread,
      commentMode,
      setCommentMode,
      showResolved,
      setShowResolved,
      people,
      reviews,
      reloadReviews,
      versionsEpoch,
      bumpVersions: () => setVersionsEpoch((n) => n + 1),
    }),
    [
      designId,
      info,
      user,
      status,
      reviewing,
      mayEdit,
      wantReadOnly,
      setEditing,
      isReviewer,
      panel,
      openPanel,
      comments,
      threads,
      commentsLoaded,
      reloadComments,
      activeThread,
      commentMode,
      setCommentMode,
      showResolved,
      people,
      reviews,
      reloadReviews,
      versionsEpoch,
    ],
  );

  return (
    <EditorContext.Provider value={editorCtx}>
      <EditorWorkflowContext.Provider value={value}>{children}</EditorWorkflowContext.Provider>
    </EditorContext.Provider>
  );
}
