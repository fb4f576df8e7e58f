import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useUser } from '../../auth.js';
import { useToasts } from '../../toasts.js';
import {
  workflowApi,
  type AiUsage,
  type BrokerageSettings,
  type LivePresence,
  type MetricTable,
  type MetricsReport,
} from '../review/api.js';
import { HBars, Lines, StackedBars, type Series } from './charts.js';
import { BrokeragePanel } from './BrokeragePanel.js';
import { OfficesPanel } from './OfficesPanel.js';
import { LicenseExpiryPanel } from './LicenseExpiryPanel.js';
import { ListingSyncPanel } from '../listings/ListingSyncPanel.js';
import { duration, rangeEndingToday } from '../review/format.js';

const MATERIALS: Series[] = [
  { key: 'listingsGenerated', label: 'Listing flyers', color: '#1f3a5f' },
  { key: 'openHouseMaterials', label: 'Open house', color: '#c9a227' },
  { key: 'socialPosts', label: 'Social posts', color: '#e0604e' },
  { key: 'emailSignatures', label: 'Email signatures', color: '#4a90a4' },
  { key: 'businessCards', label: 'Business cards', color: '#7b6ca8' },
  { key: 'postcards', label: 'Postcards', color: '#8aa05b' },
  { key: 'other', label: 'Other', color: '#a0aec0' },
];

const PERIODS = [
  { days: 7, label: '7 days' },
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
];

function editingSummary(people: number, instances: number): string {
  const servers = Math.max(1, instances);
  return `${people} ${people === 1 ? 'person' : 'people'} editing · ${servers} server${servers === 1 ? '' : 's'}`;
}

function Kpi({ label, value, hint, testId }: { label: string; value: string | number; hint?: string; testId?: string }) {
  return (
    <div className="kpi" data-testid={testId}>
      <span className="kpi-value">{value}</span>
      <span className="kpi-label">{label}</span>
      {hint && <span className="kpi-hint muted">{hint}</span>}
    </div>
  );
}

function Panel({ title, csv, children, wide }: { title: string; csv?: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <section className={`dash-panel${wide ? ' wide' : ''}`}>
      <header>
        <h2>{title}</h2>
        {csv && (
          <a className="btn btn-ghost btn-small" href={csv} download>
            CSV
          </a>
        )}
      </header>
      {children}
    </section>
  );
}

/** Admin-only brokerage policies: approval before export and the monthly AI budget. */
function SettingsPanel() {
  const toasts = useToasts();
  const [settings, setSettings] = useState<BrokerageSettings | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    workflowApi.settings().then(setSettings, (err) => toasts.error(err));
  }, [toasts]);
  if (!settings) return null;
  async function save(next: BrokerageSettings) {
    setSaving(true);
    try {
      setSettings(await workflowApi.saveSettings(next));
      toasts.show('Settings saved', 'success');
    } catch (err) {
      toasts.error(err);
    } finally {
      setSaving(false);
    }
  }
  return (
    <section className="dash-panel settings-panel" data-testid="brokerage-settings">
      <header>
        <h2>Brokerage settings</h2>
      </header>
      <label className="setting-row">
        <input
          type="checkbox"
          checked={settings.requireApprovalBeforeExport}
          disabled={saving}
          onChange={(e) => void save({ ...settings, requireApprovalBeforeExport: e.target.checked })}
        />
        <span>
          <strong>Require approval before export</strong>
          <span className="muted"> — agents can download a design only after a brand manager approves it.</span>
        </span>
      </label>
      <form
        className="setting-row"
        onSubmit={(e) => {
          e.preventDefault();
          const value = Number(new FormData(e.currentTarget).get('budget'));
          if (Number.isFinite(value) && value >= 0) void save({ ...settings, aiMonthlyBudgetUsd: value });
        }}
      >
        <span>
          <strong>Monthly AI budget</strong>
          <span className="muted"> — past it, the built-in assistant answers instead.</span>
        </span>
        <span className="budget-input">
          $
          <input
            name="budget"
            type="number"
            min={0}
            step={1}
            defaultValue={settings.aiMonthlyBudgetUsd}
            aria-label="Monthly AI budget in US dollars"
          />
          <button className="btn btn-ghost btn-small" disabled={saving}>
            Save
          </button>
        </span>
      </form>
    </section>
  );
}

/** The admin dashboard: now, people and usage at a glance, and analytics drawn over a chosen period. */
export function DashboardPage() {
  const user = useUser();
  const toasts = useToasts();
  const [days, setDays] = useState(30);
  const [custom, setCustom] = useState<{ from: string; to: string } | null>(null);
  const range = useMemo(() => custom ?? rangeEndingToday(days), [custom, days]);
  const [report, setReport] = useState<MetricsReport | null>(null);
  const [live, setLive] = useState<LivePresence | null>(null);
  const [ai, setAi] = useState<AiUsage | null>(null);

  useEffect(() => {
    setReport(null);
    workflowApi.metrics(range.from, range.to).then(setReport, (err) => toasts.error(err));
  }, [range, toasts]);

  const refreshLive = useCallback(() => {
    workflowApi.presence().then(setLive, () => undefined);
  }, []);
  useEffect(() => {
    refreshLive();
    const t = setInterval(refreshLive, 5_000);
    return () => clearInterval(t);
  }, [refreshLive]);
  useEffect(() => {
    workflowApi.aiUsage().then(setAi, () => undefined);
  }, []);

  const csv = (table: MetricTable) => workflowApi.metricsCsvUrl(table, range.from, range.to);

  return (
    <div className="page">
      <main className="page-main workflow-page dashboard" data-testid="dashboard">
        <div className="page-title-row">
          <h1>Dashboard</h1>
          <div className="period-picker" role="group" aria-label="Period">
            {PERIODS.map((p) => (
              <button
                key={p.days}
                className={`btn btn-small ${!custom && days === p.days ? 'btn-primary' : 'btn-ghost'}`}
                onClick={() => {
                  setCustom(null);
                  setDays(p.days);
                }}
              >
                {p.label}
              </button>
            ))}
            <input
              type="date"
              aria-label="From"
              value={range.from}
              max={range.to}
              onChange={(e) => e.target.value && setCustom({ from: e.target.value, to: range.to })}
            />
            <span className="muted">to</span>
            <input
              type="date"
              aria-label="To"
              value={range.to}
              min={range.from}
              onChange={(e) => e.target.value && setCustom({ from: range.from, to: e.target.value })}
            />
          </div>
        </div>

        <section className="dash-now">
          <h2>
            Now <span className="live-dot" aria-hidden />{' '}
            <span className="muted">{live ? editingSummary(live.people, live.instances) : ''}</span>
          </h2>
          {live && live.designs.length === 0 && <p className="muted">Nobody is editing right now.</p>}
          <ul className="now-list" data-testid="now-editing">
            {live?.designs.map((d) => (
              <li key={d.designId}>
                <Link to={`/designs/${d.designId}`}>{d.title}</Link>
                <span className="muted"> — {d.people.map((p) => p.name + (p.readOnly ? ' (viewing)' : '')).join(', ')}</span>
              </li>
            ))}
          </ul>
          <div className="dash-links">
            {user.role === 'admin' && <Link to="/admin/people">People and roles →</Link>}
            <Link to="/reviews">Review queue →</Link>
            <Link to="/listings">Listings and MLS sync →</Link>
            <Link to="/compliance">Compliance scan →</Link>
          </div>
        </section>

        {user.role === 'admin' && <BrokeragePanel />}
        {user.role === 'admin' && <OfficesPanel />}
        {user.role === 'admin' && <SettingsPanel />}
        {user.role === 'admin' && <LicenseExpiryPanel />}
        {user.role === 'admin' && <ListingSyncPanel />}

        {!report ? (
          <div className="page-loading">
            <div className="spinner" />
          </div>
        ) : (
          <>
            <div className="kpis">
              <Kpi label="Listing flyers" value={report.listingsGenerated} testId="kpi-listings" />
              <Kpi label="Open-house materials" value={report.openHouseMaterials} />
              <Kpi label="Social posts" value={report.socialPosts} />
              <Kpi label="Email signatures" value={report.emailSignatures} />
              <Kpi label="Business cards" value={report.businessCards} />
              <Kpi label="Exports" value={report.exports} hint={`${report.downloads} downloads`} testId="kpi-exports" />
              <Kpi
                label="Approvals"
                value={report.approvals}
                hint={`avg turnaround ${duration(report.averageApprovalTurnaroundMs)}`}
                testId="kpi-approvals"
              />
              <Kpi label="Compliance violations" value={report.complianceViolations} />
              <Kpi label="Avg brand score" value={report.averageBrandScore ?? '—'} />
              <Kpi label="Avg compliance score" value={report.averageComplianceScore ?? '—'} />
            </div>
            <div className="dash-grid">
              <Panel title="Materials created by kind" csv={csv('materials-by-kind')} wide>
                <StackedBars title="Materials created by kind" rows={report.materialsByKind} series={MATERIALS} />
              </Panel>
              <Panel title="Exports and downloads" csv={csv('series')}>
                <Lines
                  title="Exports and downloads"
                  rows={report.series}
                  series={[
                    { key: 'exports', label: 'Exports', color: '#1f3a5f' },
                    { key: 'downloads', label: 'Downloads', color: '#c9a227' },
                  ]}
                />
              </Panel>
              <Panel title="Approvals and turnaround" csv={csv('approval-turnaround')}>
                <StackedBars
                  title="Approvals per day"
                  rows={report.approvalTurnaround.map((r) => ({ date: r.date, approvals: r.approvals }))}
                  series={[{ key: 'approvals', label: 'Approvals', color: '#16a34a' }]}
                />
                <p className="muted dash-note">Average turnaround over the period: {duration(report.averageApprovalTurnaroundMs)}</p>
              </Panel>
              <Panel title="Average scores over time" csv={csv('series')}>
                <Lines
                  title="Average brand and compliance scores"
                  rows={report.series}
                  max={100}
                  series={[
                    { key: 'avgBrand', label: 'Brand', color: '#2563eb' },
                    { key: 'avgCompliance', label: 'Compliance', color: '#e0604e' },
                  ]}
                />
              </Panel>
              <Panel title="Compliance violations by rule" csv={csv('violations-by-rule')}>
                <HBars
                  title="Violations by rule"
                  color="#dc2626"
                  empty="No violations in this period."
                  items={report.violationsByRule.map((v) => ({ label: v.ruleId, value: v.count }))}
                />
              </Panel>
              <Panel title="Productivity per agent" csv={csv('per-agent')} wide>
                <table className="data-table" data-testid="per-agent">
                  <thead>
                    <tr>
                      <th>Agent</th>
                      <th>Designs</th>
                      <th>Exports</th>
                      <th>Approvals</th>
                      <th aria-label="Share of designs" />
                    </tr>
                  </thead>
                  <tbody>
                    {report.perAgent.map((a) => {
                      const top = Math.max(1, ...report.perAgent.map((x) => x.designs));
                      return (
                        <tr key={a.agentId}>
                          <td>{a.name}</td>
                          <td>{a.designs}</td>
                          <td>{a.exports}</td>
                          <td>{a.approvals}</td>
                          <td className="bar-cell">
                            <span className="hbar-track">
                              <span className="hbar-fill" style={{ width: `${(a.designs / top) * 100}%`, background: '#1f3a5f' }} />
                            </span>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </Panel>
              {ai && (
                <Panel title={`AI usage — ${ai.month}`}>
                  <div className="ai-usage">
                    <div className="ai-budget">
                      <span className="hbar-track">
                        <span
                          className="hbar-fill"
                          style={{
                            width: `${Math.min(100, (ai.costUsd / Math.max(ai.budgetUsd, 0.0001)) * 100)}%`,
                            background: ai.costUsd >= ai.budgetUsd ? '#dc2626' : '#2563eb',
                          }}
                        />
                      </span>
                      <span>
                        ${ai.costUsd.toFixed(2)} of ${ai.budgetUsd.toFixed(2)}
                      </span>
                    </div>
                    <p className="muted">
                      {ai.calls} calls ({ai.cachedCalls} from cache)
                    </p>
                    <HBars
                      title="AI calls by task"
                      color="#7b6ca8"
                      empty="No AI use this month."
                      items={ai.byTask.map((t) => ({ label: t.task, value: t.calls }))}
                    />
                  </div>
                </Panel>
              )}
            </div>
          </>
        )}
      </main>
    </div>
  );
}
