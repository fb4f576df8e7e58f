import { LISTING_REMARKS_TARGET, type Finding } from '../../../../../shared/compliance/types.js';
import { useEditor } from '../../../editor/ui/context.js';
import { layerLabel } from '../../../editor/engine/store.js';
import { useToasts } from '../../../toasts.js';
import type { ScoringController } from '../controller.js';
import { CATEGORY_LABEL, displayScore, findingKey, groupFindings, SEVERITY_LABEL, summarize } from '../format.js';
import { useScoringState } from './hooks.js';
import { ScoreRing } from './ScoreRing.js';

export function SeverityIcon({ severity }: { severity: Finding['severity'] }) {
  return (
    <span className={`sev-icon sev-${severity}`} aria-label={severity}>
      {severity === 'error' ? '!' : severity === 'warning' ? '!' : 'i'}
    </span>
  );
}

/** The object a finding points at, as a chip (its layer name). */
function ObjectChips({ ids }: { ids: string[] }) {
  const { editor } = useEditor();
  if (!ids.length) return null;
  const shown = ids.slice(0, 3).map((id) => {
    const m = editor.binding.model(id);
    if (id === LISTING_REMARKS_TARGET) return { id, label: 'Listing remarks', type: 'listing' };
    return { id, label: m ? layerLabel(m) : 'Deleted object', type: m?.type };
  });
  return (
    <span className="object-chips">
      {shown.map((o) => (
        <span key={o.id} className="object-chip" title={o.label}>
          {o.type ?? '—'} · {o.label}
        </span>
      ))}
      {ids.length > 3 && <span className="object-chip">+{ids.length - 3}</span>}
    </span>
  );
}

/**
 * The flagged words in their sentence, underlined, with why they were flagged
 * (the group named and the intent around it).
 */
function SpanQuote({ finding }: { finding: Finding }) {
  const { editor } = useEditor();
  const span = finding.span;
  if (!span) return null;
  const model = editor.binding.model(span.objectId);
  const text = model?.type === 'text' ? model.text : undefined;
  // The text may have changed since the score: quote only what still sits at the span.
  const current = text !== undefined && text.slice(span.start, span.end) === span.text;
  const before = current ? text!.slice(Math.max(0, span.start - 40), span.start) : '';
  const after = current ? text!.slice(span.end, span.end + 40) : '';
  const reason = finding.reason;
  return (
    <span className="span-quote" data-testid="finding-span">
      {before && (
        <span className="span-context">
          {span.start > 40 ? '…' : ''}
          {before}
        </span>
      )}
      <u className={`span-flagged sev-${finding.severity}`}>{span.text}</u>
      {after && (
        <span className="span-context">
          {after}
          {span.end + 40 < text!.length ? '…' : ''}
        </span>
      )}
      {reason && reason.intentKind !== 'listed-term' && (
        <span className="span-reason" data-testid="finding-reason">
          {reason.intentKind}: “{reason.intent}” · group: “{reason.group}”
        </span>
      )}
    </span>
  );
}

function FixPreview({ finding }: { finding: Finding }) {
  const fix = finding.fix;
  if (fix?.kind !== 'replace-text') return null;
  return (
    <span className="fix-preview">
      <del>{fix.from}</del> → <ins>{fix.to || '(remove)'}</ins>
    </span>
  );
}

function FindingCard({ c, finding }: { c: ScoringController; finding: Finding }) {
  const toasts = useToasts();
  const key = findingKey(finding);
  const focused = useScoringState(c, (s) => s.focused === key);
  const fix = finding.fix;
  const allowed = fix ? c.canApply(fix) : false;
  return (
    <li
      className={`finding sev-${finding.severity}${focused ? ' focused' : ''}`}
      data-testid="finding"
      data-rule-id={finding.ruleId}
      data-object-ids={finding.objectIds.join(' ')}
      data-severity={finding.severity}
    >
      <button
        className="finding-main"
        onClick={() => c.focus(key, finding.objectIds)}
        title={finding.objectIds.length ? 'Show on the canvas' : undefined}
      >
        <SeverityIcon severity={finding.severity} />
        <span className="finding-body">
          <span className="finding-message">{finding.message}</span>
          <SpanQuote finding={finding} />
          <FixPreview finding={finding} />
        </span>
      </button>
      <div className="finding-actions">
        {finding.blocking && <span className="tag tag-blocking">Blocks approval</span>}
        {finding.source === 'ai' && (
          <span
            className="tag tag-ai"
            data-testid="finding-ai"
            title="Found by the live AI review: a warning unless a rule agrees; it never blocks approval on its own."
          >
            AI review
          </span>
        )}
        <ObjectChips ids={finding.objectIds} />
        <span className="spacer" />
        {fix && (
          <button
            className="btn btn-small fix-btn"
            disabled={!allowed}
            title={allowed ? fix.label : 'You cannot change this object (view only or locked)'}
            data-testid="fix"
            onClick={() => {
              const r = c.apply(fix);
              if (r.ok) toasts.show(`Fixed: ${fix.label}`, 'success');
              else toasts.show(r.message, 'error');
            }}
          >
            <svg
              width="13"
              height="13"
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.2"
              strokeLinecap="round"
              strokeLinejoin="round"
              aria-hidden="true"
            >
              <path d="M15 4l5 5L9 20H4v-5z" />
            </svg>
            {fixVerb(fix.kind)}
          </button>
        )}
      </div>
    </li>
  );
}

function fixVerb(kind: NonNullable<Finding['fix']>['kind']): string {
  return kind === 'insert-object' ? 'Add' : kind === 'replace-text' ? 'Replace' : 'Fix';
}

/** Findings grouped by category and severity, each with the object it points at and a one-click fix. */
export function ChecksPanel({ c }: { c: ScoringController }) {
  const score = useScoringState(c, (s) => s.score);
  const status = useScoringState(c, (s) => s.status);
  const markers = useScoringState(c, (s) => s.markers);
  if (!score) {
    return (
      <div className="insights-empty">
        <div className="spinner" />
        <span>Checking the design…</span>
      </div>
    );
  }
  const groups = groupFindings(score.findings);
  const blocking = score.findings.filter((f) => f.blocking);
  return (
    <div className="checks" data-testid="checks-panel">
      <div className="checks-scores">
        <div className="checks-score">
          <ScoreRing score={score.compliance} size={48} stroke={5} label="Compliance" />
          <span>
            <strong>Compliance</strong>
            <span className="muted">{summarize(score.findings.filter((f) => f.category === 'compliance'))}</span>
          </span>
        </div>
        <div className="checks-score">
          <ScoreRing score={score.brand} size={48} stroke={5} label="Brand" />
          <span>
            <strong>Brand</strong>
            <span className="muted">{summarize(score.findings.filter((f) => f.category === 'brand'))}</span>
          </span>
        </div>
      </div>
      {score.blocksApproval && (
        <div className="blocks-banner" role="alert" data-testid="blocks-banner">
          <strong>Blocks approval</strong>
          <span>
            {blocking.length === 1 ? 'One issue' : `${blocking.length || 'Some'} issues`} must be fixed before this design can be approved
            or published.
          </span>
        </div>
      )}
      <label className="checks-toggle">
        <input type="checkbox" checked={markers} onChange={(e) => c.setMarkers(e.target.checked)} /> Outline issues on the canvas
        {status !== 'live' && (
          <span className="pill" title="Scores update when the connection is back">
            {status === 'loading' ? 'Connecting…' : 'Not live'}
          </span>
        )}
      </label>
      {groups.length === 0 ? (
        <div className="all-clear" data-testid="all-clear">
          <svg
            width="36"
            height="36"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
            aria-hidden="true"
          >
            <circle cx="12" cy="12" r="9" />
            <path d="M8 12.5l2.5 2.5L16 9.5" />
          </svg>
          <strong>All clear</strong>
          <span className="muted">
            On brand and compliant — brand {displayScore(score.brand)}, compliance {displayScore(score.compliance)}.
          </span>
        </div>
      ) : (
        groups.map((g) => (
          <section key={`${g.category}-${g.severity}`} className="finding-group">
            <h3>
              {CATEGORY_LABEL[g.category]} · {SEVERITY_LABEL[g.severity]} <span className="count">{g.findings.length}</span>
            </h3>
            <ul>
              {g.findings.map((f) => (
                <FindingCard key={findingKey(f)} c={c} finding={f} />
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
