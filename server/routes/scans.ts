import type { FastifyInstance } from 'fastify';
import { AppError, notFound } from '../errors.js';
import type { ScanService } from '../scoring/index.js';
import { scansApi } from '../../shared/api/scans.js';
import { requireUser } from './context.js';
import { route } from './endpoint.js';

/** Brokerage-wide compliance scans (brand managers and admins). */
export function registerScanRoutes(app: FastifyInstance, deps: { scans: ScanService }): void {
  const requireReviewer = (req: Parameters<typeof requireUser>[0]) => {
    const user = requireUser(req);
    if (user.role === 'agent') throw new AppError(403, 'forbidden', 'Only brand managers and admins can scan the brokerage');
    return user;
  };

  route(app, scansApi.start, { auth: requireReviewer }, async (_req, _reply, user) => {
    return { id: await deps.scans.start(user.brokerageId, user.id) };
  });

  /** The brokerage's most recent scan, so its results are there when someone comes back (null before the first). */
  route(app, scansApi.latest, { auth: requireReviewer }, async (_req, _reply, user) => {
    return { scan: await deps.scans.latest(user.brokerageId) };
  });

  route(app, scansApi.get, { auth: requireReviewer }, async (req, _reply, user) => {
    const job = await deps.scans.get(user.brokerageId, req.params.id);
    if (!job) throw notFound('Scan');
    return job;
  });

  route(app, scansApi.reportCsv, { auth: requireReviewer }, async (req, reply, user) => {
    const job = await deps.scans.get(user.brokerageId, req.params.id);
    if (!job) throw notFound('Scan');
    if (job.status !== 'done') throw new AppError(409, 'not_ready', 'The scan has not finished yet');
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="compliance-scan-${job.createdAt.slice(0, 10)}.csv"`);
    return reply.send(deps.scans.csv(job.report));
  });
}
