import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, notFound } from '../errors.js';
import type { ScanService } from '../scoring/index.js';
import { parse } from '../validation.js';
import { requireUser } from './context.js';

const JobParams = z.object({ id: z.string().uuid('not a scan id') });

/** Brokerage-wide compliance scans (brand managers and admins). */
export function registerScanRoutes(app: FastifyInstance, deps: { scans: ScanService }): void {
  const requireReviewer = (req: Parameters<typeof requireUser>[0]) => {
    const user = requireUser(req);
    if (user.role === 'agent') throw new AppError(403, 'forbidden', 'Only brand managers and admins can scan the brokerage');
    return user;
  };

  app.post('/api/compliance/scans', async (req, reply) => {
    const user = requireReviewer(req);
    // Nothing to configure yet: an empty body (or none) only.
    parse(z.object({}).strict().optional(), req.body ?? undefined);
    const id = await deps.scans.start(user.brokerageId, user.id);
    return reply.code(202).send({ id });
  });

  /** The brokerage's most recent scan, so its results are there when someone comes back (null before the first). */
  app.get('/api/compliance/scans/latest', async (req) => {
    const user = requireReviewer(req);
    return { scan: await deps.scans.latest(user.brokerageId) };
  });

  app.get('/api/compliance/scans/:id', async (req) => {
    const user = requireReviewer(req);
    const { id } = parse(JobParams, req.params, 'id');
    const job = await deps.scans.get(user.brokerageId, id);
    if (!job) throw notFound('Scan');
    return job;
  });

  app.get('/api/compliance/scans/:id/report.csv', async (req, reply) => {
    const user = requireReviewer(req);
    const { id } = parse(JobParams, req.params, 'id');
    const job = await deps.scans.get(user.brokerageId, id);
    if (!job) throw notFound('Scan');
    if (job.status !== 'done') throw new AppError(409, 'not_ready', 'The scan has not finished yet');
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="compliance-scan-${job.createdAt.slice(0, 10)}.csv"`);
    return deps.scans.csv(job.report);
  });
}
