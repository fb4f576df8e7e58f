import type { Category } from '../../../../../shared/compliance/types.js';
import '../insights.css';
import type { ScoringController } from '../controller.js';
import { BAND_LABEL, countBySeverity, scoreBand, summarize } from '../format.js';
import { useScoringController, useScoringState } from './hooks.js';
import { ScoreRing } from './ScoreRing.js';

function Badge({ c, category }: { c: ScoringController; category: Category }) {
  const score = useScoringState(c, (s) => s.score);
  const open = useScoringState(c, (s) => s.open && s.tab === 'checks');
  const value = score ? score[category] : null;
  const findings = score?.findings.filter((f) => f.category === category) ?? [];
  const counts = countBySeverity(findings);
  const label = category === 'brand' ? 'Brand' : 'Compliance';
  return (
    <button
      className={`score-badge${open ? ' active' : ''}`}
      onClick={() => c.toggle('checks')}
      title={`${label}: ${summarize(findings)} — click for details`}
      data-testid={`score-${category}`}
      data-score={value === null ? '' : Math.round(value)}
    >
      <ScoreRing score={value} label={label} />
      <span className="score-badge-text">
        <strong>{label}</strong>
        <span className={`score-badge-sub band-${scoreBand(value)}`}>
          {value === null
            ? 'Scoring…'
            : counts.error
              ? `${counts.error} ${counts.error === 1 ? 'error' : 'errors'}`
              : counts.warning
                ? `${counts.warning} ${counts.warning === 1 ? 'warning' : 'warnings'}`
                : BAND_LABEL[scoreBand(value)]}
        </span>
      </span>
    </button>
  );
}

function Badges({ c }: { c: ScoringController }) {
  const blocks = useScoringState(c, (s) => !!s.score?.blocksApproval);
  const live = useScoringState(c, (s) => s.status);
  return (
    <div className="score-badges" role="group" aria-label="Design scores" data-status={live}>
      <Badge c={c} category="brand" />
      <Badge c={c} category="compliance" />
      {blocks && (
        <button
          className="blocks-pill"
          onClick={() => c.setOpen(true, 'checks')}
          data-testid="blocks-approval"
          title="Fix the blocking issues before this design can be approved"
        >
          <svg
            width="14"
            height="14"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.2"
            strokeLinecap="round"
            aria-hidden="true"
          >
            <circle cx="12" cy="12" r="9" />
            <path d="M5.7 5.7l12.6 12.6" />
          </svg>
          Blocks approval
        </button>
      )}
      <AssistToggle c={c} />
    </div>
  );
}

/** Brand and compliance ring gauges for the editor's top bar (click to open the findings), and the assistant button. */
export function ScoreBadges() {
  const c = useScoringController();
  if (!c) return <div className="score-badges" aria-hidden="true" />;
  return <Badges c={c} />;
}

/** A top-bar button that opens the assistant. */
export function AssistToggle({ c }: { c: ScoringController }) {
  const active = useScoringState(c, (s) => s.open && s.tab === 'assist');
  return (
    <button
      className={`btn btn-ghost assist-btn${active ? ' active' : ''}`}
      onClick={() => c.toggle('assist')}
      data-testid="assist-button"
      title="Assistant: review copy, rewrite text, write a listing description"
    >
      <svg
        width="16"
        height="16"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
      >
        <path d="M12 3l1.8 4.7L18.5 9.5l-4.7 1.8L12 16l-1.8-4.7L5.5 9.5l4.7-1.8z" />
        <path d="M19 15l.8 2.2L22 18l-2.2.8L19 21l-.8-2.2L16 18l2.2-.8z" />
      </svg>
      <span className="assist-label">Assist</span>
    </button>
  );
}
