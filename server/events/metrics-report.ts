import { METRIC_TABLES } from '../../shared/api/admin-metrics.js';
import { MATERIAL_GROUPS, type MaterialKey, type MetricsReport, type SeriesPoint } from '../../shared/events/index.js';
import type { Db } from '../db/index.js';
import { withTenant } from '../repos/index.js';
import { M, readAnalytics, type DailyRow } from './analytics.js';

export { MATERIAL_GROUPS, type MetricsReport, type SeriesPoint } from '../../shared/events/index.js';

const round1 = (v: number) => Math.round(v * 10) / 10;
const avg = (total: number, n: number) => (n > 0 ? round1(total / n) : null);

/** Every day from `from` to `to` inclusive (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

const groupOfKind = (kind: string): MaterialKey | 'other' =>
  (Object.keys(MATERIAL_GROUPS) as MaterialKey[]).find((k) => (MATERIAL_GROUPS[k] as readonly string[]).includes(kind)) ?? 'other';

/** Folds the projection's daily rows into the report (pure). */
export function buildReport(
  rows: DailyRow[],
  from: string,
  to: string,
  people: Array<{ id: string; name: string; role: string }>,
): MetricsReport {
  const days = daysBetween(from, to);
  const byDay = new Map<
    string,
    SeriesPoint & { brandN: number; brandT: number; compN: number; compT: number; turnN: number; turnT: number }
  >();
  const kindsByDay = new Map<string, Record<MaterialKey | 'other', number>>();
  const zeroKinds = (): Record<MaterialKey | 'other', number> => ({
    listingsGenerated: 0,
    openHouseMaterials: 0,
    emailSignatures: 0,
    businessCards: 0,
    socialPosts: 0,
    postcards: 0,
    other: 0,
  });
  for (const d of days) {
    byDay.set(d, {
      date: d,
      created: 0,
      exports: 0,
      downloads: 0,
      approvals: 0,
      violations: 0,
      avgBrand: null,
      avgCompliance: null,
      brandN: 0,
      brandT: 0,
      compN: 0,
      compT: 0,
      turnN: 0,
      turnT: 0,
    });
    kindsByDay.set(d, zeroKinds());
  }
  const createdByKind: Record<string, number> = {};
  const exportsByFormat: Record<string, number> = {};
  const rules = new Map<string, number>();
  const agents = new Map<string, { designs: number; exports: number; approvals: number }>();
  const agent = (id: string) => agents.get(id) ?? agents.set(id, { designs: 0, exports: 0, approvals: 0 }).get(id)!;
  const totals = { submitted: 0, changes: 0, onboarded: 0, synced: 0 };
  for (const r of rows) {
    const d = byDay.get(r.day);
    if (!d) continue;
    switch (r.metric) {
      case M.created:
        d.created += r.n;
        createdByKind[r.dim] = (createdByKind[r.dim] ?? 0) + r.n;
        kindsByDay.get(r.day)![groupOfKind(r.dim)] += r.n;
        break;
      case M.exports:
        d.exports += r.n;
        exportsByFormat[r.dim] = (exportsByFormat[r.dim] ?? 0) + r.n;
        break;
      case M.downloads:
        d.downloads += r.n;
        break;
      case M.approvals:
        d.approvals += r.n;
        break;
      case M.approvalTurnaround:
        d.turnN += r.n;
        d.turnT += r.total;
        break;
      case M.violations:
        d.violations += r.n;
        rules.set(r.dim, (rules.get(r.dim) ?? 0) + r.n);
        break;
      case M.brandScore:
        d.brandN += r.n;
        d.brandT += r.total;
        break;
      case M.complianceScore:
        d.compN += r.n;
        d.compT += r.total;
        break;
      case M.submitted:
        totals.submitted += r.n;
        break;
      case M.changesRequested:
        totals.changes += r.n;
        break;
      case M.onboarded:
        totals.onboarded += r.n;
        break;
      case M.listingsSynced:
        totals.synced += r.n;
        break;
      case M.agentDesigns:
        agent(r.dim).designs += r.n;
        break;
      case M.agentExports:
        agent(r.dim).exports += r.n;
        break;
      case M.agentApprovals:
        agent(r.dim).approvals += r.n;
        break;
    }
  }
  const points = [...byDay.values()];
  const sum = (f: (p: (typeof points)[number]) => number) => points.reduce((s, p) => s + f(p), 0);
  const series: SeriesPoint[] = points.map((p) => ({
    date: p.date,
    created: p.created,
    exports: p.exports,
    downloads: p.downloads,
    approvals: p.approvals,
    violations: p.violations,
    avgBrand: avg(p.brandT, p.brandN),
    avgCompliance: avg(p.compT, p.compN),
  }));
  const kindTotals = zeroKinds();
  for (const k of kindsByDay.values()) for (const key of Object.keys(k) as Array<keyof typeof k>) kindTotals[key] += k[key];

  const names = new Map(people.map((p) => [p.id, p]));
  for (const p of people) if (p.role === 'agent') agent(p.id);
  const perAgent = [...agents.entries()]
    .map(([agentId, a]) => ({ agentId, name: names.get(agentId)?.name ?? '(former member)', role: names.get(agentId)?.role ?? null, ...a }))
    .sort((a, b) => b.designs - a.designs || b.exports - a.exports || b.approvals - a.approvals || a.name.localeCompare(b.name));

  return {
    from,
    to,
    generatedAt: new Date().toISOString(),
    listingsGenerated: kindTotals.listingsGenerated,
    openHouseMaterials: kindTotals.openHouseMaterials,
    emailSignatures: kindTotals.emailSignatures,
    businessCards: kindTotals.businessCards,
    socialPosts: kindTotals.socialPosts,
    postcards: kindTotals.postcards,
    designsCreated: sum((p) => p.created),
    createdByKind,
    exports: sum((p) => p.exports),
    exportsByFormat,
    downloads: sum((p) => p.downloads),
    submissions: totals.submitted,
    approvals: sum((p) => p.approvals),
    changesRequested: totals.changes,
    averageApprovalTurnaroundMs: avg(
      sum((p) => p.turnT),
      sum((p) => p.turnN),
    ),
    complianceViolations: sum((p) => p.violations),
    averageBrandScore: avg(
      sum((p) => p.brandT),
      sum((p) => p.brandN),
    ),
    averageComplianceScore: avg(
      sum((p) => p.compT),
      sum((p) => p.compN),
    ),
    agentsOnboarded: totals.onboarded,
    listingsSynced: totals.synced,
    perAgent,
    series,
    materialsByKind: days.map((date) => ({ date, ...kindsByDay.get(date)! })),
    approvalTurnaround: points.map((p) => ({ date: p.date, approvals: p.approvals, averageMs: avg(p.turnT, p.turnN) })),
    violationsByRule: [...rules.entries()]
      .map(([ruleId, count]) => ({ ruleId, count }))
      .sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId)),
  };
}

/** The metrics of one brokerage over [from, to] (UTC days), read inside a tenant-scoped transaction. */
export async function metricsReport(db: Db, brokerageId: string, from: string, to: string): Promise<MetricsReport> {
  const { rows, people } = await withTenant(db, brokerageId, async (tx) => ({
    rows: await readAnalytics(tx, brokerageId, from, to),
    people: (
      await tx.query<{ id: string; name: string; role: string }>('SELECT id, name, role FROM users WHERE brokerage_id = $1', [brokerageId])
    ).rows,
  }));
  return buildReport(rows, from, to, people);
}

/** The report's tables as CSV-ready header + rows, by name. */
/** The report's tables (shared/api/admin-metrics.ts: the CSV route's query names them). */
export { METRIC_TABLES };
export type MetricTable = (typeof METRIC_TABLES)[number];

export function reportTable(report: MetricsReport, table: MetricTable): { header: string[]; rows: unknown[][] } {
  switch (table) {
    case 'summary': {
      const keys = [
        'listingsGenerated',
        'openHouseMaterials',
        'emailSignatures',
        'businessCards',
        'socialPosts',
        'postcards',
        'designsCreated',
        'exports',
        'downloads',
        'submissions',
        'approvals',
        'changesRequested',
        'averageApprovalTurnaroundMs',
        'complianceViolations',
        'averageBrandScore',
        'averageComplianceScore',
        'agentsOnboarded',
        'listingsSynced',
      ] as const;
      return { header: ['metric', 'value', 'from', 'to'], rows: keys.map((k) => [k, report[k], report.from, report.to]) };
    }
    case 'series':
      return {
        header: ['date', 'created', 'exports', 'downloads', 'approvals', 'violations', 'avgBrand', 'avgCompliance'],
        rows: report.series.map((p) => [p.date, p.created, p.exports, p.downloads, p.approvals, p.violations, p.avgBrand, p.avgCompliance]),
      };
    case 'per-agent':
      return {
        header: ['agentId', 'name', 'designs', 'exports', 'approvals'],
        rows: report.perAgent.map((a) => [a.agentId, a.name, a.designs, a.exports, a.approvals]),
      };
    case 'materials-by-kind':
      return {
        header: [
          'date',
          'listingsGenerated',
          'openHouseMaterials',
          'emailSignatures',
          'businessCards',
          'socialPosts',
          'postcards',
          'other',
        ],
        rows: report.materialsByKind.map((m) => [
          m.date,
          m.listingsGenerated,
          m.openHouseMaterials,
          m.emailSignatures,
          m.businessCards,
          m.socialPosts,
          m.postcards,
          m.other,
        ]),
      };
    case 'approval-turnaround':
      return { header: ['date', 'approvals', 'averageMs'], rows: report.approvalTurnaround.map((a) => [a.date, a.approvals, a.averageMs]) };
    case 'violations-by-rule':
      return { header: ['ruleId', 'count'], rows: report.violationsByRule.map((v) => [v.ruleId, v.count]) };
  }
}
