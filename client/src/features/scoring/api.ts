/** REST calls for scores, the AI assistant, the brand kit and brokerage scans (typed by their contracts in shared/api). */
import type { BrandKit } from '../../../../shared/brand/index.js';
import type { Finding } from '../../../../shared/compliance/types.js';
import type { ScanProgress, ScanRow } from '../../../../shared/compliance/scan-report.js';
import { scansApi, type ScanWithReport } from '../../../../shared/api/scans.js';
import { call } from '../../api.js';
import { brandKitApi } from '../../../../shared/api/brand-kit.js';
import { urlOf } from '../../../../shared/api/contract.js';
import { scoresApi } from '../../../../shared/api/scores.js';
import {
  aiApi,
  type AiDescription,
  type AiNotice,
  type AiProviderName,
  type AiReview,
  type AiRewrite,
  type ListingFacts,
} from '../../../../shared/api/ai.js';

export interface DesignScore {
  designId?: string;
  seq?: number;
  at?: string;
  brand: number;
  compliance: number;
  blocksApproval: boolean;
  findings: Finding[];
}

export type { AiDescription, AiNotice, AiProviderName, AiReview, AiRewrite, ListingFacts };
/** An advisory finding of an AI review. */
export type AiFinding = AiReview['findings'][number];

export type ScanJob = ScanWithReport;
export type { ScanProgress, ScanRow };

export const insightsApi = {
  score: (designId: string): Promise<DesignScore> => call(scoresApi.current, { params: { id: designId } }),
  aiStatus: () => call(aiApi.status),
  aiReview: (designId: string) => call(aiApi.review, { body: { designId } }),
  aiRewrite: (text: string, instruction: string) => call(aiApi.rewrite, { body: { text, instruction } }),
  aiListingDescription: (facts: ListingFacts) => call(aiApi.listingDescription, { body: { facts } }),
  saveBrandKit: (kit: BrandKit) => call(brandKitApi.put, { body: kit }),
  startScan: () => call(scansApi.start, { body: {} }),
  scan: (id: string) => call(scansApi.get, { params: { id } }),
  /** The brokerage's most recent scan (null before the first). */
  latestScan: () => call(scansApi.latest),
  scanCsvUrl: (id: string) => urlOf(scansApi.reportCsv, { params: { id } }),
};

/** `{field, message}` pairs from a validation error's details (empty when there are none). */
export function fieldErrors(details: unknown): Array<{ field: string; message: string }> {
  const fields = (details as { fields?: unknown } | null | undefined)?.fields;
  if (!Array.isArray(fields)) return [];
  return fields.filter((f): f is { field: string; message: string } => typeof f?.field === 'string' && typeof f?.message === 'string');
}
