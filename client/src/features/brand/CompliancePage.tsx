import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage } from '../../api.js';
import { useUser } from '../../auth.js';
import { NotFoundPage } from '../../components/NotFoundPage.js';
import { kindLabel } from '../designs/TemplatePicker.js';
import { DEFAULT_SORT, nextSort, sortRows, summarizeScan, topIssueLabels, type ScanSort, type ScanSortKey } from './scan-table.js';
import { acquireSocket, releaseSocket } from '../../realtime.js';
import { insightsApi, type ScanJob, type ScanProgress, type ScanRow } from '../scoring/api.js';
import { statusLabel } from '../review/format.js';
import { bandColor, displayScore } from '../scoring/format.js';
import { useToasts } from '../../toasts.js';
import './brand.css';

const LAST_SCAN = 'realbrand:last-scan';

function ScoreBar({ score }: { score: number | null }) {
  return (
    <span className="score-bar" title={score === null ? 'Not scored' : `${displayScore(score)} / 100`}>
      <span className="score-bar-track">
        <span className="score-bar-fill" style={{ width: `${score ?? 0}%`, background: bandColor(score) }} />
      </span>
      <span className="score-bar-value" style={{ color: bandColor(score) }}>
        {displayScore(score)}
      </span>
    </span>
  );
}

const COLUMNS: Array<{ key: ScanSortKey; label: string; numeric?: boolean }> = [
  { key: 'title', label: 'Design' },
  { key: 'owner', label: 'Owner' },
  { key: 'kind', label: 'Kind' },
  { key: 'status', label: 'Status' },
  { key: 'compliance', label: 'Compliance', numeric: true },
  { key: 'brand', label: 'Brand', numeric: true },
  { key: 'errors', label: 'Errors', numeric: true },
  { key: 'warnings', label: 'Warnings', numeric: true },
  { key: 'blocksApproval', label: 'Approval' },
];

function ReportTable({ rows }: { rows: ScanRow[] }) {
  const [sort, setSort] = useState<ScanSort>(DEFAULT_SORT);
  const [onlyBlocking, setOnlyBlocking] = useState(false);
  const shown = useMemo(() => sortRows(onlyBlocking ? rows.filter((r) => r.blocksApproval) : rows, sort), [rows, sort, onlyBlocking]);
  const navigate = useNavigate();
  return (
    <>
      <div className="scan-filters">
        <label>
          <input type="checkbox" checked={onlyBlocking} onChange={(e) => setOnlyBlocking(e.target.checked)} /> Only designs that block
          approval
        </label>
        <span className="muted">
          {shown.length} of {rows.length} designs
        </span>
      </div>
      <div className="scan-table-wrap">
        <table className="scan-table" data-testid="scan-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                  className={c.numeric ? 'num' : undefined}
                >
                  <button onClick={() => setSort((s) => nextSort(s, c.key))}>
                    {c.label}
                    <span className="sort-arrow" aria-hidden="true">
                      {sort.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              ))}
              <th className="plain">Top issues</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr
                key={r.designId}
                data-testid="scan-row"
                className={`scan-row${r.blocksApproval ? ' blocking' : ''}`}
                // The whole row opens the design (the title is its keyboard-reachable link).
                onClick={(e) => !(e.target as HTMLElement).closest('a, button, input') && navigate(`/designs/${r.designId}`)}
              >
                <td>
                  <Link to={`/designs/${r.designId}`}>{r.title}</Link>
                </td>
                <td>{r.owner}</td>
                <td>{kindLabel(r.kind)}</td>
                <td>
                  <span className={`status-chip status-${r.status}`}>{statusLabel(r.status)}</span>
                </td>
                <td className="num">
                  <ScoreBar score={r.compliance} />
                </td>
                <td className="num">
                  <ScoreBar score={r.brand} />
                </td>
                <td className={`num${r.errors ? ' has-errors' : ''}`}>{r.errors}</td>
                <td className="num">{r.warnings}</td>
                <td>{r.blocksApproval ? <span className="tag tag-blocking">Blocked</span> : <span className="ok-chip">OK</span>}</td>
                <td className="top-issues">
                  {topIssueLabels(r).map((t) => (
                    <span key={t} className="issue-chip">
                      {t}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
            {shown.length === 0 && (
              <tr>
                <td colSpan={COLUMNS.length + 1} className="empty-row">
                  Nothing to show.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function CompliancePage() {
  const user = useUser();
  if (user.role === 'agent')
    return <NotFoundPage title="Brand managers only" message="Compliance scans are run by brand managers and admins." />;
  return <ComplianceScans />;
}

function ComplianceScans() {
  const toasts = useToasts();
  const [job, setJob] = useState<ScanJob | null>(null);
  const [progress, setProgress] = useState<ScanProgress | null>(null);
  const [starting, setStarting] = useState(false);
  const [loadingLast, setLoadingLast] = useState(true);
  const jobId = useRef<string | null>(null);

  const load = useCallback(async (id: string) => {
    try {
      const j = await insightsApi.scan(id);
      if (jobId.current === id) setJob(j);
      return j;
    } catch {
      return null;
    }
  }, []);

  useEffect(() => {
    const socket = acquireSocket();
    const onProgress = (p: ScanProgress) => {
      if (p.jobId !== jobId.current) return;
      setProgress(p);
      if (p.status !== 'running') void load(p.jobId);
    };
    socket.on('scan:progress', onProgress);
    // The brokerage's latest scan, whoever ran it and in whichever browser; this browser's last one if that fails.
    void insightsApi
      .latestScan()
      .then((r) => r.scan?.id ?? localStorage.getItem(LAST_SCAN))
      .catch(() => localStorage.getItem(LAST_SCAN))
      .then(async (id) => {
        if (!id) return;
        jobId.current = id;
        await load(id);
      })
      .finally(() => setLoadingLast(false));
    return () => {
      socket.off('scan:progress', onProgress);
      releaseSocket();
    };
  }, [load]);

  // A slow poll while running, in case a progress event is missed.
  useEffect(() => {
    if (job?.status !== 'running') return;
    const t = setInterval(() => jobId.current && void load(jobId.current), 2_000);
    return () => clearInterval(t);
  }, [job?.status, load]);

  const start = async () => {
    setStarting(true);
    try {
      const { id } = await insightsApi.startScan();
      jobId.current = id;
      localStorage.setItem(LAST_SCAN, id);
      setProgress({ jobId: id, done: 0, total: 0, status: 'running' });
      setJob(null);
      await load(id);
    } catch (err) {
      toasts.show(errorMessage(err), 'error');
    } finally {
      setStarting(false);
    }
  };

  const running = job?.status === 'running' || (progress?.status === 'running' && job?.status !== 'done');
  const done = Math.max(progress?.done ?? 0, job?.done ?? 0);
  const total = Math.max(progress?.total ?? 0, job?.total ?? 0);
  const pct = total ? Math.round((done / total) * 100) : 0;
  const rows = job?.status === 'done' ? (job.report ?? []) : [];
  const summary = summarizeScan(rows);

  return (
    <div className="app-page-body">
      <main className="designs-main" data-testid="compliance-page">
        <div className="page-title-row">
          <div>
            <h1>Compliance scan</h1>
            <p className="muted">
              Check every design in the brokerage against the brand kit and the advertising rules, and export the results.
            </p>
          </div>
          <div className="scan-actions">
            {job?.status === 'done' && (
              <a className="btn" href={insightsApi.scanCsvUrl(job.id)} download data-testid="scan-csv">
                Download CSV
              </a>
            )}
            <button className="btn btn-primary" onClick={start} disabled={starting || running} data-testid="scan-start">
              {starting || running ? <span className="spinner spinner-small" /> : null}
              {running ? 'Scanning…' : job ? 'Run a new scan' : 'Run scan'}
            </button>
          </div>
        </div>

        {running && (
          <div className="scan-progress" role="status" data-testid="scan-progress">
            <div className="scan-progress-text">
              <strong>Scanning designs…</strong>
              <span className="muted">{total ? `${done} of ${total}` : 'Starting'}</span>
            </div>
            <div className="progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} role="progressbar">
              <div className="progress-fill" style={{ width: `${Math.max(pct, 3)}%` }} />
            </div>
          </div>
        )}
        {job?.status === 'failed' && <div className="form-error">{job.error ?? 'The scan failed.'} Try running it again.</div>}

        {!job && !running && !loadingLast && (
          <div className="empty-card">
            <h2>No scan yet</h2>
            <p>
              A scan scores every design in the brokerage for brand consistency and Fair Housing and licensing compliance, and lists what
              blocks approval.
            </p>
            <button className="btn btn-primary" onClick={start} disabled={starting}>
              Run the first scan
            </button>
          </div>
        )}

        {job?.status === 'done' && (
          <>
            <div className="scan-summary">
              <div className="stat">
                <span>Designs</span>
                <strong>{summary.designs}</strong>
              </div>
              <div className={`stat${summary.blocking ? ' bad' : ' good'}`}>
                <span>Block approval</span>
                <strong data-testid="scan-blocking">{summary.blocking}</strong>
              </div>
              <div className="stat">
                <span>Avg. compliance</span>
                <strong style={{ color: bandColor(summary.avgCompliance) }}>{displayScore(summary.avgCompliance)}</strong>
              </div>
              <div className="stat">
                <span>Avg. brand</span>
                <strong style={{ color: bandColor(summary.avgBrand) }}>{displayScore(summary.avgBrand)}</strong>
              </div>
              <div className="stat">
                <span>Errors · warnings</span>
                <strong>
                  {summary.errors} <span className="muted">·</span> {summary.warnings}
                </strong>
              </div>
            </div>
            <p className="muted scan-when">Scanned {new Date(job.finishedAt ?? job.createdAt).toLocaleString()}</p>
            <ReportTable rows={rows} />
          </>
        )}
      </main>
    </div>
  );
}
