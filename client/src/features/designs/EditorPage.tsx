import { startTransition, Suspense, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import type { BrandKit } from '../../../../shared/brand/index.js';
import { api, ApiError, refreshSession, type DesignInfo } from '../../api.js';
import { loginPath, useAuth, useUser } from '../../auth.js';
import { useToasts } from '../../toasts.js';
import { Editor, type EditorServices } from '../../editor/engine/editor.js';
import { EditorContext, useEditorState } from '../../editor/ui/context.js';
import { LayersPanel } from '../../editor/ui/LayersPanel.js';
import { PageNavigator } from '../../editor/ui/PageNavigator.js';
import { PropertiesPanel } from '../../editor/ui/PropertiesPanel.js';
import { QuickEditPanel } from '../../editor/ui/QuickEditPanel.js';
import { SidePanel } from '../../editor/ui/SidePanel.js';
import type { ScoringController } from '../scoring/controller.js';
import { useScoringController } from '../scoring/ui/hooks.js';
import { ONE_DRAWER_QUERY, PHONE_QUERY, useMediaQuery } from '../../components/use-media-query.js';
import { ShortcutsDialog } from '../../editor/ui/ShortcutsDialog.js';
import { ContextMenu } from '../../editor/ui/ContextMenu.js';
import { ToolRail } from '../../editor/ui/ToolRail.js';
import { TopBar } from '../../editor/ui/TopBar.js';
import { EditorWorkflow } from '../review/editor/EditorWorkflow.js';
import { useEditorWorkflow } from '../review/editor/context.js';
import { CommentLayer, InsightsDrawer, ListingUpdateBanner, PhoneReview, ReviewBanner, ReviewBar, WorkflowDrawer } from './editor-later.js';
import { OptionalPart } from '../../components/OptionalPart.js';
import { NotFoundPage } from '../../components/NotFoundPage.js';
import { NoAccessPage } from '../access/NoAccessPage.js';
import { takeDesign } from './design-prefetch.js';

const FATAL: Record<number, { title: string; message: string }> = {
  4403: { title: 'No access', message: 'You do not have access to this design. Ask its owner or your brand manager to share it.' },
  4404: { title: 'Design not found', message: 'This design does not exist or was deleted.' },
  4410: { title: 'Access revoked', message: 'Your access to this design was removed while you were editing it.' },
};

function CanvasStatus() {
  const ready = useEditorState((s) => s.ready);
  const busy = useEditorState((s) => s.busy);
  const connection = useEditorState((s) => s.connection);
  return (
    <>
      {!ready && (
        <div className="canvas-loading">
          <div className="spinner" />
          <span>{connection === 'offline' ? 'Offline — waiting for a connection…' : 'Opening design…'}</span>
        </div>
      )}
      {busy && (
        <div className="canvas-busy" role="status">
          <div className="spinner spinner-small" /> {busy}
        </div>
      )}
    </>
  );
}

/**
 * Mounts its children once the design has been drawn: scores, comments, review, listing updates
 * and the layer list each fetch and render on mount, and would otherwise compete with opening the
 * design for the network, the server and the main thread. Most of them are in a chunk that loads
 * only then (editor-later.ts).
 */
function DrawnFirst({ children }: { children: ReactNode }) {
  const drawn = useEditorState((s) => s.drawn);
  if (!drawn) return null;
  return (
    <OptionalPart name="An editor panel">
      <Suspense fallback={null}>{children}</Suspense>
    </OptionalPart>
  );
}

function FatalOverlay() {
  const fatal = useEditorState((s) => s.fatal);
  const navigate = useNavigate();
  const location = useLocation();
  const { expire } = useAuth();
  useEffect(() => {
    if (fatal?.code === 4401) {
      expire();
      navigate(loginPath(location), { replace: true });
    }
  }, [fatal, expire, navigate, location]);
  if (!fatal || fatal.code === 4401) return null;
  const info = FATAL[fatal.code] ?? { title: 'Connection closed', message: fatal.reason || 'The server closed the connection.' };
  return (
    <div className="modal-backdrop" data-testid="fatal">
      <div className="empty-card">
        <h2>{info.title}</h2>
        <p>{info.message}</p>
        <button className="btn btn-primary" onClick={() => navigate('/designs')}>
          Back to my designs
        </button>
      </div>
    </div>
  );
}

/**
 * The panel under the preview on a phone: the quick-edit form for whoever edits, the review
 * (scores, comments; the decision is in the review bar) for a reviewer or a viewer.
 */
function PhonePanel({ onEnlarge }: { onEnlarge(): void }) {
  const w = useEditorWorkflow();
  const reviewing = w !== null && (w.readOnly || !w.mayEdit);
  return (
    <aside className="side-panel quick-panel">
      <div className="side-scroll">
        {reviewing ? (
          <DrawnFirst>
            <PhoneReview onEnlarge={onEnlarge} />
          </DrawnFirst>
        ) : (
          <QuickEditPanel />
        )}
      </div>
    </aside>
  );
}

const NOOP_UNSUBSCRIBE = () => {};

/** Whether the checks drawer is open (false until the scoring controller exists). */
function useChecksOpen(c: ScoringController | null): boolean {
  return useSyncExternalStore(
    (notify) => (c ? c.store.subscribe(notify) : NOOP_UNSUBSCRIBE),
    () => c?.store.get().open ?? false,
  );
}

/**
 * Properties and layers: beside the canvas, or below 1280 px a drawer that closes when comments or
 * checks open. Below 1440 px the checks and the comments take turns, so the canvas keeps its room.
 */
function Panels() {
  const w = useEditorWorkflow();
  const scoring = useScoringController();
  const checksOpen = useChecksOpen(scoring);
  const oneDrawer = useMediaQuery(ONE_DRAWER_QUERY);
  const panel = w?.panel ?? null;
  const closePanel = w?.openPanel;
  useEffect(() => {
    if (oneDrawer && checksOpen) closePanel?.(null);
  }, [oneDrawer, checksOpen, closePanel]);
  useEffect(() => {
    if (oneDrawer && panel) scoring?.setOpen(false);
  }, [oneDrawer, panel, scoring]);
  return (
    <SidePanel
      properties={<PropertiesPanel />}
      layers={
        <DrawnFirst>
          <LayersPanel />
        </DrawnFirst>
      }
      closeWhen={!!panel || checksOpen}
      onOpen={() => {
        closePanel?.(null);
        scoring?.setOpen(false);
      }}
    />
  );
}

/** What the editor engine asks of the app: uploads through the assets API, the session cookie renewed. */
const EDITOR_SERVICES: EditorServices = {
  uploadImage: (file) => api.uploadAsset(file, file.name),
  renewSession: refreshSession,
};

function EditorShell({ info, kit, serverCopy }: { info: DesignInfo; kit: BrandKit | null; serverCopy: Uint8Array | null }) {
  const phone = useMediaQuery(PHONE_QUERY);
  const user = useUser();
  const toasts = useToasts();
  const host = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Editor | null>(null);

  useEffect(() => {
    if (!host.current) return;
    const ed = new Editor({
      designId: info.id,
      user,
      access: { canEdit: info.access === 'edit', canLock: info.canLock },
      services: EDITOR_SERVICES,
      kit,
      serverCopy,
      host: host.current,
      onError: (m) => toasts.show(m, 'error'),
      onInfo: (m) => toasts.show(m, 'info'),
    });
    // A transition: React mounts the panels in slices, so the canvas's first frame (the design) goes out first.
    startTransition(() => setEditor(ed));
    return () => {
      ed.destroy();
      setEditor(null);
    };
  }, [info, kit, serverCopy, user, toasts]);

  // A phone's reviewer can give the preview the whole screen for a while.
  const [largePreview, setLargePreview] = useState(false);
  const [title, setTitle] = useState(info.title);
  const rename = useCallback(
    async (next: string) => {
      const prev = title;
      setTitle(next);
      try {
        await api.renameDesign(info.id, next);
        editor?.setMeta({ title: next });
      } catch (err) {
        setTitle(prev);
        toasts.error(err);
      }
    },
    [info.id, title, editor, toasts],
  );
  const ctx = useMemo(
    () => (editor ? { editor, info, kit, title, rename, canShare: info.canShare ?? info.access === 'edit' } : null),
    [editor, info, kit, title, rename],
  );

  return (
    <EditorContext.Provider value={ctx}>
      <EditorWorkflow info={info} user={user}>
        <div className="editor">
          {/* Until the editor exists, empty bars hold its layout: the canvas is sized once, at its final size. */}
          {ctx ? <TopBar /> : <header className="editor-topbar" />}
          {ctx && (
            <DrawnFirst>
              <ListingUpdateBanner designId={info.id} canEdit={info.access === 'edit'} />
            </DrawnFirst>
          )}
          {ctx && (
            <DrawnFirst>
              <ReviewBar />
            </DrawnFirst>
          )}
          {ctx && (
            <DrawnFirst>
              <ReviewBanner />
            </DrawnFirst>
          )}
          <div className="editor-body" data-preview={phone && largePreview ? 'large' : undefined}>
            {ctx ? <ToolRail /> : <nav className="tool-rail" />}
            <div className="canvas-host" ref={host} data-testid="canvas-host">
              {ctx && <CanvasStatus />}
              {ctx && (
                <DrawnFirst>
                  <CommentLayer />
                </DrawnFirst>
              )}
              {ctx && <PageNavigator />}
              {phone && largePreview && (
                <button type="button" className="btn preview-close" onClick={() => setLargePreview(false)} data-testid="preview-close">
                  Back to the review
                </button>
              )}
            </div>
            {ctx && (
              <DrawnFirst>
                <InsightsDrawer />
              </DrawnFirst>
            )}
            {ctx && (
              <DrawnFirst>
                <WorkflowDrawer />
              </DrawnFirst>
            )}
            {ctx && phone ? (
              // A phone: a form over the design's editable fields (or the review) under the live preview.
              <PhonePanel onEnlarge={() => setLargePreview(true)} />
            ) : ctx ? (
              <Panels />
            ) : (
              <aside className="side-panel" />
            )}
          </div>
          {ctx && (
            <>
              <ShortcutsDialog />
              <ContextMenu />
              <FatalOverlay />
            </>
          )}
        </div>
      </EditorWorkflow>
    </EditorContext.Provider>
  );
}

export default function EditorPage() {
  const { id = '' } = useParams();
  const [info, setInfo] = useState<DesignInfo | null>(null);
  const [kit, setKit] = useState<BrandKit | null>(null);
  const [serverCopy, setServerCopy] = useState<Uint8Array | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const { expire } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const toasts = useToasts();

  useEffect(() => {
    let live = true;
    setInfo(null);
    setError(null);
    takeDesign(id)
      .then(([d, k, state]) => {
        if (!live) return;
        setKit(k);
        setServerCopy(state);
        setInfo(d);
      })
      .catch((err: unknown) => {
        if (!live) return;
        if (err instanceof ApiError && err.status === 401) {
          expire();
          navigate(loginPath(location), { replace: true });
        } else if (err instanceof ApiError) setError(err);
        else toasts.error(err);
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  if (error) {
    // A colleague's design they cannot open is "no access, ask"; anything else stays "not found".
    if (error.status === 404) return <NoAccessPage designId={id} />;
    if (error.status === 403) return <NotFoundPage title="No access" message="You do not have access to this design." />;
    return <NotFoundPage title="Could not open the design" message={error.message} />;
  }
  if (!info)
    return (
      <div className="page-loading">
        <div className="spinner" />
      </div>
    );
  return <EditorShell info={info} kit={kit} serverCopy={serverCopy} />;
}
