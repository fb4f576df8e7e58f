import '../insights.css';
import type { ScoringController } from '../controller.js';
import { countBySeverity } from '../format.js';
import { AssistPanel } from './AssistPanel.js';
import { ChecksPanel } from './ChecksPanel.js';
import { useScoringController, useScoringState } from './hooks.js';

function Drawer({ c }: { c: ScoringController }) {
  const open = useScoringState(c, (s) => s.open);
  const tab = useScoringState(c, (s) => s.tab);
  const score = useScoringState(c, (s) => s.score);
  const errors = score ? countBySeverity(score.findings).error : 0;
  return (
    <aside className={`insights${open ? ' open' : ''}`} aria-label="Checks and assistant" aria-hidden={!open} data-testid="insights">
      <div className="insights-tabs">
        <div className="insights-tablist" role="tablist" aria-label="Checks and assistant">
          <button
            role="tab"
            aria-selected={tab === 'checks'}
            className={tab === 'checks' ? 'active' : ''}
            onClick={() => c.setOpen(true, 'checks')}
            data-testid="tab-checks"
          >
            Checks {errors > 0 && <span className="count count-error">{errors}</span>}
          </button>
          <button
            role="tab"
            aria-selected={tab === 'assist'}
            className={tab === 'assist' ? 'active' : ''}
            onClick={() => c.setOpen(true, 'assist')}
            data-testid="tab-assist"
          >
            Assistant
          </button>
        </div>
        <div className="spacer" />
        <button className="icon-btn" onClick={() => c.setOpen(false)} aria-label="Close panel" title="Close">
          <svg
            width="16"
            height="16"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            aria-hidden="true"
          >
            <path d="M6 6l12 12M18 6L6 18" />
          </svg>
        </button>
      </div>
      {/* Both stay mounted so switching tabs keeps the assistant's results. */}
      <div className="insights-scroll" hidden={tab !== 'checks'}>
        <ChecksPanel c={c} />
      </div>
      <div className="insights-scroll" hidden={tab !== 'assist'}>
        <AssistPanel c={c} />
      </div>
    </aside>
  );
}

/** The findings and assistant drawer beside the canvas (opened from the score badges). */
export function InsightsDrawer() {
  const c = useScoringController();
  return c ? <Drawer c={c} /> : null;
}
