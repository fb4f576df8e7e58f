import type { FastifyInstance } from 'fastify';
import { requireCapability } from '../auth/access.js';
import { AuditQuerySchema, type AuditLog } from '../auth/audit.js';
import type { Db } from '../db/index.js';
import { withTenant } from '../repos/index.js';
import { parse } from '../validation.js';

/** Admins read their brokerage's audit log, filtered by actor, action and time. */
export function registerAuditRoutes(app: FastifyInstance, deps: { db: Db; audit: AuditLog }): void {
  app.get('/api/admin/audit', async (req) => {
    const admin = requireCapability(req, 'audit.read');
    const q = parse(AuditQuerySchema, req.query, 'query');
    // Row-level security backs the brokerage filter up.
    const entries = await withTenant(deps.db, admin.brokerageId, (tx) => deps.audit.list(tx, admin.brokerageId, q));
    return { entries, next: entries.length === q.limit ? entries.at(-1)!.id : null };
  });
}
