/** Brokerage-wide compliance scans, for brand managers and admins (routes/scans.ts). */
import { z } from 'zod';
import { ScanJobSchema, ScanRowSchema, ScanStatusSchema } from '../compliance/scan-report.js';
import { endpoint, optionalBody } from './contract.js';

const ScanParams = z.object({ id: z.string().uuid('not a scan id') });

/** A scan with its report (null until it has one). */
export const ScanWithReportSchema = ScanJobSchema.extend({ report: z.array(ScanRowSchema).nullable() });
export type ScanWithReport = z.infer<typeof ScanWithReportSchema>;

export const scansApi = {
  /** Starts one; progress arrives over socket.io. Nothing to configure yet: an empty body or none. */
  start: endpoint({
    method: 'POST',
    path: '/api/compliance/scans',
    body: optionalBody(z.object({}).strict()),
    response: z.object({ id: z.string() }),
    status: 202,
  }),
  /** The most recent scan (without its report), so its results are there when someone comes back; null before the first. */
  latest: endpoint({
    method: 'GET',
    path: '/api/compliance/scans/latest',
    response: z.object({ scan: z.object({ id: z.string(), status: ScanStatusSchema, createdAt: z.string() }).nullable() }),
  }),
  get: endpoint({ method: 'GET', path: '/api/compliance/scans/:id', params: ScanParams, response: ScanWithReportSchema }),
  /** The report as a CSV file (409 until the scan is done): sent by the route itself, so no response schema. */
  reportCsv: endpoint({ method: 'GET', path: '/api/compliance/scans/:id/report.csv', params: ScanParams }),
};
