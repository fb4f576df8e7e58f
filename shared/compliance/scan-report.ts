/** A brokerage-wide compliance scan, as the API reports it (shared by server and client; shared/api/scans.ts). */
import { z } from 'zod';

export const ScanRowSchema = z.object({
  designId: z.string(),
  title: z.string(),
  owner: z.string(),
  kind: z.string(),
  status: z.string(),
  brand: z.number().nullable(),
  compliance: z.number().nullable(),
  blocksApproval: z.boolean(),
  errors: z.number(),
  warnings: z.number(),
  topIssues: z.string(),
  /** The rules' titles, in `topIssues`' order (the page shows these; reports stored before them have none). */
  topIssueTitles: z.array(z.string()).optional(),
});
export type ScanRow = z.infer<typeof ScanRowSchema>;

export const ScanStatusSchema = z.enum(['running', 'done', 'failed']);

export const ScanJobSchema = z.object({
  id: z.string(),
  status: ScanStatusSchema,
  total: z.number(),
  done: z.number(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
});
export type ScanJob = z.infer<typeof ScanJobSchema>;

export interface ScanProgress {
  jobId: string;
  done: number;
  total: number;
  status: ScanJob['status'];
}
