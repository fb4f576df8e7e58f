/** Brokerage analytics for admins and brand managers (routes/admin-metrics.ts). */
import { z } from 'zod';
import { MetricsReportSchema } from '../events/metrics.js';
import { endpoint } from './contract.js';

/** The report's tables, each downloadable as CSV. */
export const METRIC_TABLES = ['summary', 'series', 'per-agent', 'materials-by-kind', 'approval-turnaround', 'violations-by-rule'] as const;

/** A UTC day (`YYYY-MM-DD`), given as a date or an ISO timestamp. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T.*)?$/, 'use a date (YYYY-MM-DD) or an ISO timestamp')
  .refine((v) => !Number.isNaN(Date.parse(v)), 'not a valid date')
  .transform((v) => new Date(v.length === 10 ? `${v}T00:00:00Z` : v).toISOString().slice(0, 10));
/** Defaults to the last 30 days; at most a year, from ≤ to (the route checks the span: 400 on from or to). */
const Range = z.object({ from: day.optional(), to: day.optional() });

export const adminMetricsApi = {
  report: endpoint({ method: 'GET', path: '/api/admin/metrics', query: Range, response: MetricsReportSchema }),
  /** One table of the report as a CSV file, sent by the route itself (no response schema). */
  csv: endpoint({ method: 'GET', path: '/api/admin/metrics.csv', query: Range.extend({ table: z.enum(METRIC_TABLES) }) }),
};
