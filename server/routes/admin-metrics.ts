import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../repos/index.js';
import { AppError } from '../errors.js';
import { emit, metricsReport, reportTable, type MetricsReport } from '../events/index.js';
import { toCsv } from '../scoring/index.js';
import { adminMetricsApi } from '../../shared/api/admin-metrics.js';
import { requireUser } from './context.js';
import { route } from './endpoint.js';

const MAX_DAYS = 366;
/** [from, to] as UTC days: defaults to the last 30 days; at most a year; from ≤ to. */
function range(q: { from?: string; to?: string }): { from: string; to: string } {
  const to = q.to ?? new Date().toISOString().slice(0, 10);
  const from = q.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (span < 0)
    throw new AppError(400, 'validation_failed', 'from: must not be after to', {
      fields: [{ field: 'from', message: 'must not be after to' }],
    });
  if (span >= MAX_DAYS)
    throw new AppError(400, 'validation_failed', `to: the range is limited to ${MAX_DAYS} days`, {
      fields: [{ field: 'to', message: `at most ${MAX_DAYS} days after from` }],
    });
  return { from, to };
}

/** Brokerage analytics for admins and brand managers (agents: 403), always scoped to the caller's brokerage. */
export function registerAdminMetricsRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const requireManager = (req: FastifyRequest) => {
    const user = requireUser(req);
    if (user.role !== 'admin' && user.role !== 'brand_manager')
      throw new AppError(403, 'forbidden', 'Only admins and brand managers can see brokerage metrics');
    return user;
  };

  const compute = async (
    req: FastifyRequest,
    user: ReturnType<typeof requireManager>,
    q: { from?: string; to?: string },
  ): Promise<MetricsReport> => {
    const { from, to } = range(q);
    const report = await metricsReport(deps.db, user.brokerageId, from, to);
    // Announce it (integrations may want the numbers); failing to record must not fail the read.
    await deps.db
      .transaction((tx) =>
        emit(tx, 'analytics.metrics.generated', {
          brokerageId: user.brokerageId,
          actorId: user.id,
          payload: {
            from,
            to,
            requestedBy: user.id,
            totals: {
              listingsGenerated: report.listingsGenerated,
              exports: report.exports,
              approvals: report.approvals,
              complianceViolations: report.complianceViolations,
              averageBrandScore: report.averageBrandScore,
              averageComplianceScore: report.averageComplianceScore,
            },
          },
        }),
      )
      .catch((err) => req.log.warn({ err }, 'could not record analytics.metrics.generated'));
    return report;
  };

  route(app, adminMetricsApi.report, { auth: requireManager }, async (req, _reply, user) => compute(req, user, req.query));

  route(app, adminMetricsApi.csv, { auth: requireManager }, async (req, reply, user) => {
    const q = req.query;
    const report = await compute(req, user, q);
    const { header, rows } = reportTable(report, q.table);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="realbrand-${q.table}-${report.from}-to-${report.to}.csv"`);
    return reply.send(toCsv(header, rows));
  });
}
