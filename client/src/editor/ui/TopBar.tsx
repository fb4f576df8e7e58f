import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Icon } from '../../components/icons.js';
import { useToasts } from '../../toasts.js';
import { useAuth } from '../../auth.js';
import { placeholderWarning, type Placeholder } from '../../../../shared/render/index.js';
import { cmykSwatches } from '../../../../shared/brand/index.js';
import { useEditor, useEditorState } from './context.js';
import { PresenceAvatars } from './PresenceAvatars.js';
import { StatusIndicator } from './StatusIndicator.js';
import { ShareDialog } from './ShareDialog.js';
import { PublishTemplateButton } from '../../features/review/editor/PublishTemplate.js';
import { ScoreBadges } from '../../features/scoring/ui/ScoreBadges.js';
// By file, not through workflow/editor/index.ts: that index also carries the panels the editor loads after its first frame.
import { checkExport, copyEmailSignatureHtml, downloadEmailSignatureHtml } from '../../features/review/editor/export-gate.js';
import { WorkflowPanelToggles, WorkflowStatus, WorkflowSubmit } from '../../features/review/editor/ReviewControls.js';
import { OVERFLOW_BREAKPOINTS, overflowLevel } from './toolbar-overflow.js';

function ZoomControls() {
  const { editor } = useEditor();
  const zoom = useEditorState((s) => s.zoom);
  return (
    <div className="zoom-controls" role="group" aria-label="Zoom">
      <button className="icon-btn" onClick={() => editor.zoomOut()} title="Zoom out" aria-label="Zoom out">
        <Icon name="minus" size={16} />
      </button>
      <button className="zoom-value" onClick={() => editor.zoom100()} title="Zoom to 100%" data-testid="zoom-value">
        {Math.round(zoom * 100)}%
      </button>
      <button className="icon-btn" onClick={() => editor.zoomIn()} title="Zoom in" aria-label="Zoom in">
        <Icon name="plus" size={16} />
      </button>
      <button className="btn btn-ghost btn-small" onClick={() => editor.zoomFit()} title="Zoom to fit (Shift+1)">
        Fit
      </button>
    </div>
  );
}

function ExportMenu() {
  const { editor, info, title, kit } = useEditor();
  const toasts = useToasts();
  // Print (CMYK) when the brand kit gives CMYK values for its colours (docs/PRINT.md).
  const swatches = kit ? cmykSwatches(kit) : [];
  const [open, setOpen] = useState(false);
  const { user } = useAuth();
  const rasterLabel =
    info.kind === 'social-post' || info.kind === 'story' ? 'At the platform size (1080 px wide)' : '2× resolution, for web and social';
  const run = async (kind: 'png' | 'jpg' | 'pdf' | 'pdf-cmyk' | 'html' | 'copy-html') => {
    setOpen(false);
    try {
      // Brokerage policy may require approval before any download.
      const check = await checkExport(
        editor.opts.designId,
        kind === 'copy-html' ? 'html' : kind === 'jpg' ? 'png' : kind === 'pdf-cmyk' ? 'pdf' : kind,
      );
      if (!check.allowed) {
        toasts.show(check.message, 'error');
        return;
      }
      // Placeholders (empty photo frames, sample copy) never print: say which were left out.
      let left: Placeholder[] = [];
      if (kind === 'png' || kind === 'jpg') left = await editor.exportPng(title, kind);
      else if (kind === 'html') await downloadEmailSignatureHtml(editor.opts.designId, title);
      else if (kind === 'copy-html') {
        await copyEmailSignatureHtml(editor.opts.designId);
        toasts.show('Signature copied: paste it into your mail settings', 'success');
      } else
        left = await editor.exportPdf(
          title,
          { author: user?.name, brokerage: user?.brokerageName },
          { cmyk: kind === 'pdf-cmyk' ? swatches : undefined },
        );
      const warning = placeholderWarning(left);
      if (warning) toasts.show(warning, 'info');
    } catch (err) {
      toasts.error(err);
    }
  };
  return (
    <div className="menu-wrap">
      <button
        className="btn btn-primary"
        onClick={() => setOpen((o) => !o)}
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="export-button"
      >
        <Icon name="download" size={16} /> <span className="export-label">Export</span>
      </button>
      {open && (
        <>
          <div className="menu-scrim" onClick={() => setOpen(false)} />
          <div className="menu" role="menu">
            <button role="menuitem" onClick={() => run('png')} data-testid="export-png">
              <strong>PNG image</strong>
              <span className="muted">{rasterLabel}</span>
            </button>
            <button role="menuitem" onClick={() => run('jpg')} data-testid="export-jpg">
              <strong>JPG image</strong>
              <span className="muted">{rasterLabel}, smaller file</span>
            </button>
            <button role="menuitem" onClick={() => run('pdf')} data-testid="export-pdf">
              <strong>PDF document</strong>
              <span className="muted">Print-ready, real text and vector shapes</span>
            </button>
            {swatches.length > 0 && (
              <button role="menuitem" onClick={() => run('pdf-cmyk')} data-testid="export-pdf-cmyk">
                <strong>PDF for print (CMYK)</strong>
                <span className="muted">Brand colours in the kit&apos;s CMYK values</span>
              </button>
            )}
            {info.kind === 'email-signature' && (
              <button role="menuitem" onClick={() => run('html')} data-testid="export-html">
                <strong>HTML email signature</strong>
                <span className="muted">Download the email-safe HTML file</span>
              </button>
            )}
            {info.kind === 'email-signature' && (
              <button role="menuitem" onClick={() => run('copy-html')} data-testid="copy-html">
                <strong>Copy email signature</strong>
                <span className="muted">Paste into Gmail, Outlook or Apple Mail</span>
              </button>
            )}
          </div>
        </>
      )}
    </div>
  );
}

function EditableTitle() {
  const { editor, title, rename } = useEditor();
  const [editing, setEditing] = useState(false);
  if (!editing || !editor.canEdit) {
    return (
      <button
        className="title-btn"
        data-testid="design-title"
        title={editor.canEdit ? 'Rename' : title}
        onClick={() => editor.canEdit && setEditing(true)}
      >
        {title}
      </button>
    );
  }
  return (
    <input
      className="title-input"
      aria-label="Design title"
      autoFocus
      defaultValue={title}
      maxLength={200}
      onFocus={(e) => e.target.select()}
      onBlur={(e) => {
        setEditing(false);
        const next = e.target.value.trim();
        if (next && next !== title) void rename(next);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
        if (e.key === 'Escape') setEditing(false);
      }}
    />
  );
}

function ShareButton() {
  const { canShare } = useEditor();
  const [open, setOpen] = useState(false);
  if (!canShare) return null;
  return (
    <>
      <button className="btn" onClick={() => setOpen(true)} data-testid="share-button">
        Share
      </button>
      {open && <ShareDialog onClose={() => setOpen(false)} />}
    </>
  );
}

/**
 * The "More" menu of a narrow top bar: what doesn't fit moves here. Its content stays mounted
 * while closed (only hidden), so a dialog opened from it (Share, Publish) stays open.
 */
function OverflowMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <div className="menu-wrap toolbar-more-wrap">
      <button
        ref={button}
        className="icon-btn"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-controls="toolbar-overflow"
        aria-label="More actions"
        title="More actions"
        data-testid="toolbar-more"
      >
        <Icon name="more" />
      </button>
      {open && <div className="menu-scrim" onClick={() => setOpen(false)} />}
      <div
        id="toolbar-overflow"
        className="menu toolbar-overflow"
        data-open={open}
        role="group"
        aria-label="More actions"
        data-testid="toolbar-overflow"
      >
        {children}
      </div>
    </div>
  );
}

function HistoryButtons() {
  const { editor } = useEditor();
  const canUndo = useEditorState((s) => s.canUndo);
  const canRedo = useEditorState((s) => s.canRedo);
  // Nothing to undo for whoever only views: the room goes to the title.
  if (!editor.canEdit) return null;
  return (
    <div className="topbar-group" role="group" aria-label="History">
      <button
        className="icon-btn"
        onClick={() => editor.undo()}
        disabled={!canUndo}
        title="Undo (Ctrl+Z)"
        aria-label="Undo"
        data-testid="undo"
      >
        <Icon name="undo" />
      </button>
      <button
        className="icon-btn"
        onClick={() => editor.redo()}
        disabled={!canRedo}
        title="Redo (Ctrl+Shift+Z)"
        aria-label="Redo"
        data-testid="redo"
      >
        <Icon name="redo" />
      </button>
    </div>
  );
}

function HelpButton() {
  const { editor } = useEditor();
  return (
    <button
      className="icon-btn"
      onClick={() => editor.store.set({ help: true })}
      title="Keyboard shortcuts (?)"
      aria-label="Keyboard shortcuts"
    >
      <Icon name="help" />
    </button>
  );
}

export function TopBar() {
  const { editor } = useEditor();
  const readOnly = !editor.canEdit;
  const bar = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(() => (typeof window === 'undefined' ? 1920 : window.innerWidth));
  // Breakpoints give the usual level; when what this person's bar holds (a brand manager's Publish, a long
  // status) still does not fit, one more group moves to the menu per layout until it does.
  const [extra, setExtra] = useState(0);
  useLayoutEffect(() => {
    const el = bar.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => {
      setWidth(el.clientWidth);
      setExtra(0);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const level = Math.min(OVERFLOW_BREAKPOINTS.length, overflowLevel(width) + extra);
  // After every render on purpose (what the bar holds changes as the design, role and status load); it stops
  // once the bar fits or every group is in the menu, so it can add at most three renders.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const el = bar.current;
    if (el && el.scrollWidth > el.clientWidth + 1 && level < OVERFLOW_BREAKPOINTS.length) setExtra((n) => n + 1);
  });
  // Lowest priority first: each level moves one more group into the overflow menu.
  const groups: Array<{ level: number; node: ReactNode; key: string }> = [
    { key: 'zoom', level: 1, node: <ZoomControls /> },
    { key: 'help', level: 1, node: <HelpButton /> },
    { key: 'history', level: 2, node: <HistoryButtons /> },
    { key: 'publish', level: 2, node: <PublishTemplateButton /> },
    { key: 'panels', level: 3, node: <WorkflowPanelToggles /> },
    { key: 'share', level: 3, node: <ShareButton /> },
  ];
  const inline = groups.filter((g) => g.level > level);
  const moved = groups.filter((g) => g.level <= level);
  return (
    <header className="editor-topbar" ref={bar} data-overflow={level}>
      <Link to="/designs" className="icon-btn" title="Back to my designs" aria-label="Back to my designs">
        <Icon name="back" />
      </Link>
      <div className="editor-title">
        <EditableTitle />
        {readOnly && <span className="pill">View only</span>}
      </div>
      <WorkflowStatus />
      <StatusIndicator />
      <div className="spacer" />
      <ScoreBadges />
      {level < 3 && <PresenceAvatars />}
      {inline.map((g) => (
        <span key={g.key} className="topbar-slot">
          {g.node}
        </span>
      ))}
      {moved.length > 0 && (
        <OverflowMenu>
          {moved.map((g) => (
            <div key={g.key} className="toolbar-overflow-row">
              {g.node}
            </div>
          ))}
        </OverflowMenu>
      )}
      <WorkflowSubmit />
      <ExportMenu />
    </header>
  );
}
