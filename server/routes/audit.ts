import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireCapability } from '../auth/access.js';
import type { AuditLog } from '../auth/audit.js';
import type { Db } from '../repos/index.js';
import { withTenant } from '../repos/index.js';
import { toCsv } from '../scoring/csv.js';
import { auditApi } from '../../shared/api/audit.js';
import { route } from './endpoint.js';

/** Admins read their brokerage's audit log, filtered by actor, action and time. */
export function registerAuditRoutes(app: FastifyInstance, deps: { db: Db; audit: AuditLog }): void {
  const auditor = (req: FastifyRequest) => requireCapability(req, 'audit.read');
  route(app, auditApi.list, { auth: auditor }, async (req, reply, admin) => {
    const q = req.query;
    const csv = q.format === 'csv';
    // Row-level security backs the brokerage filter up. A CSV export takes every matching entry (bounded).
    const entries = await withTenant(deps.db, admin.brokerageId, (tx) =>
      deps.audit.list(tx, admin.brokerageId, csv ? { ...q, limit: 10_000 } : q),
    );
    if (csv) {
      const rows = entries.map((e) => [
        e.at,
        e.actorEmail ?? e.actorId ?? '',
        e.action,
        e.targetType ?? '',
        e.targetId ?? '',
        JSON.stringify(e.details),
        e.ip ?? '',
      ]);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`)
        .send(toCsv(['at', 'who', 'action', 'target type', 'target', 'details', 'ip'], rows));
    }
    return { entries, next: entries.length === q.limit ? entries.at(-1)!.id : null };
  });
}
