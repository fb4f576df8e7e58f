import type { DomainEvent } from '../../shared/events/index.js';
import type { Queryable } from '../db/index.js';
import type { EventConsumer } from './consumer.js';

export const ANALYTICS_GROUP = 'analytics';

/** Counter names in `analytics_daily.metric`. */
export const M = {
  created: 'created', // dim: design kind
  exports: 'exports', // dim: format
  downloads: 'downloads',
  submitted: 'submitted',
  approvals: 'approvals',
  changesRequested: 'changes_requested',
  approvalTurnaround: 'approval_turnaround', // total: ms, n: approvals with a known turnaround
  violations: 'violations', // dim: rule id
  brandScore: 'brand_score', // total: points, n: samples
  complianceScore: 'compliance_score',
  onboarded: 'onboarded',
  listingsSynced: 'listings_synced',
  agentDesigns: 'agent.designs', // dim: agent id
  agentExports: 'agent.exports',
  agentApprovals: 'agent.approvals',
} as const;

interface Bump {
  metric: string;
  dim?: string;
  n?: number;
  total?: number;
}

/** What one event adds to the daily counters (pure; the table-driven test pins it). */
export function analyticsBumps(event: DomainEvent): Bump[] {
  const out: Bump[] = [];
  const scores = (s: { brand: number; compliance: number } | undefined) => {
    if (!s) return;
    out.push({ metric: M.brandScore, total: s.brand }, { metric: M.complianceScore, total: s.compliance });
  };
  switch (event.type) {
    case 'design.created':
      out.push({ metric: M.created, dim: event.payload.kind }, { metric: M.agentDesigns, dim: event.payload.ownerId });
      break;
    case 'design.exported':
      out.push({ metric: M.exports, dim: event.payload.format }, { metric: M.agentExports, dim: event.payload.ownerId });
      scores(event.payload.scores);
      break;
    case 'asset.downloaded':
      out.push({ metric: M.downloads });
      break;
    case 'review.submitted':
      out.push({ metric: M.submitted });
      scores(event.payload.scores);
      break;
    case 'review.approved':
      out.push({ metric: M.approvals }, { metric: M.agentApprovals, dim: event.payload.ownerId });
      if (event.payload.turnaroundMs !== null) out.push({ metric: M.approvalTurnaround, total: event.payload.turnaroundMs });
      scores(event.payload.scores);
      break;
    case 'review.changes_requested':
      out.push({ metric: M.changesRequested });
      scores(event.payload.scores);
      break;
    case 'compliance.violation.detected':
      out.push({ metric: M.violations, dim: event.payload.ruleId });
      scores(event.payload.scores);
      break;
    case 'agent.onboarded':
      out.push({ metric: M.onboarded });
      break;
    case 'mls.listing.synced':
      out.push({ metric: M.listingsSynced });
      break;
    case 'analytics.metrics.generated':
      break;
  }
  return out;
}

/** UTC day of an instant, as YYYY-MM-DD. */
export const utcDay = (iso: string | Date): string => new Date(iso).toISOString().slice(0, 10);

/**
 * The analytics projection: daily per-brokerage counters in `analytics_daily`.
 * Rebuildable: `reset` drops whole days from `since`'s day on, and replay
 * re-applies the events of those days.
 */
export function analyticsConsumer(): EventConsumer {
  return {
    group: ANALYTICS_GROUP,
    async handle(event, tx) {
      const bumps = analyticsBumps(event);
      if (!bumps.length) return;
      // One statement; (metric, dim) pairs are distinct within one event.
      const merged = new Map<string, Required<Bump>>();
      for (const b of bumps) {
        const key = `${b.metric}\u0000${b.dim ?? ''}`;
        const prev = merged.get(key);
        merged.set(key, { metric: b.metric, dim: b.dim ?? '', n: (prev?.n ?? 0) + (b.n ?? 1), total: (prev?.total ?? 0) + (b.total ?? 0) });
      }
      const values: string[] = [];
      const params: unknown[] = [event.brokerageId, utcDay(event.occurredAt)];
      for (const b of merged.values()) {
        values.push(`($1, $2::date, $${params.length + 1}, $${params.length + 2}, $${params.length + 3}, $${params.length + 4})`);
        params.push(b.metric, b.dim, b.n, b.total);
      }
      await tx.query(
        `INSERT INTO analytics_daily (brokerage_id, day, metric, dim, n, total) VALUES ${values.join(', ')}
         ON CONFLICT (brokerage_id, day, metric, dim) DO UPDATE
         SET n = analytics_daily.n + excluded.n, total = analytics_daily.total + excluded.total`,
        params,
      );
    },
    async reset(since, tx) {
      const day = utcDay(since);
      await tx.query('DELETE FROM analytics_daily WHERE day >= $1::date', [day]);
      return new Date(`${day}T00:00:00.000Z`);
    },
  };
}

export interface DailyRow {
  day: string;
  metric: string;
  dim: string;
  n: number;
  total: number;
}

/** The projection's rows for one brokerage and a day range (inclusive). */
export async function readAnalytics(tx: Queryable, brokerageId: string, from: string, to: string): Promise<DailyRow[]> {
  const { rows } = await tx.query<{ day: string; metric: string; dim: string; n: number; total: number }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, metric, dim, n, total FROM analytics_daily
     WHERE brokerage_id = $1 AND day BETWEEN $2::date AND $3::date ORDER BY day, metric, dim`,
    [brokerageId, from, to],
  );
  return rows.map((r) => ({ day: r.day, metric: r.metric, dim: r.dim, n: Number(r.n), total: Number(r.total) }));
}
