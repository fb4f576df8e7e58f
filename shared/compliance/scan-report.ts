/** A brokerage-wide compliance scan, as the API reports it (shared by server and client). */

export interface ScanRow {
  designId: string;
  title: string;
  owner: string;
  kind: string;
  status: string;
  brand: number | null;
  compliance: number | null;
  blocksApproval: boolean;
  errors: number;
  warnings: number;
  topIssues: string;
  /** The rules' titles, in `topIssues`' order (the page shows these; reports stored before them have none). */
  topIssueTitles?: string[];
}

export interface ScanJob {
  id: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  done: number;
  createdAt: string;
  finishedAt: string | null;
  error: string | null;
}

export interface ScanProgress {
  jobId: string;
  done: number;
  total: number;
  status: ScanJob['status'];
}
