/** The drawer beside the canvas with the comments and version-history panels. */
import { useEditorWorkflow } from './context.js';
import { CommentsPanel } from './CommentsPanel.js';
import { HistoryPanel } from './HistoryPanel.js';

export function WorkflowDrawer() {
  const w = useEditorWorkflow();
  if (!w) return null;
  const open = w.panel !== null;
  return (
    <aside
      className={`wf-drawer${open ? ' open' : ''}`}
      aria-label="Comments and history"
      aria-hidden={!open}
      data-testid="workflow-drawer"
    >
      <div className="insights-tabs">
        <div className="insights-tablist" role="tablist" aria-label="Comments and history">
          <button
            role="tab"
            aria-selected={w.panel === 'comments'}
            className={w.panel === 'comments' ? 'active' : ''}
            onClick={() => w.openPanel('comments')}
            data-testid="tab-comments"
          >
            Comments
          </button>
          <button
            role="tab"
            aria-selected={w.panel === 'history'}
            className={w.panel === 'history' ? 'active' : ''}
            onClick={() => w.openPanel('history')}
            data-testid="tab-history"
          >
            History
          </button>
        </div>
        <div className="spacer" />
        <button className="icon-btn" onClick={() => w.openPanel(null)} aria-label="Close panel" title="Close">
          <svg
            width="16"
            height="16"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            aria-hidden
          >
            <path d="M6 6l12 12M18 6L6 18" />
          </svg>
        </button>
      </div>
      {w.panel === 'comments' && <CommentsPanel />}
      {w.panel === 'history' && <HistoryPanel />}
    </aside>
  );
}
