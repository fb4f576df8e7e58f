/** REST calls for scores, the AI assistant, the brand kit and brokerage scans (on the app's `request` helper). */
import type { BrandKit } from '../../../../shared/brand/index.js';
import type { Finding } from '../../../../shared/compliance/types.js';
import type { ScanProgress, ScanRow } from '../../../../shared/compliance/scan-report.js';
import { scansApi, type ScanWithReport } from '../../../../shared/api/scans.js';
import { call, json, request } from '../../api.js';
import { fillPath } from '../../../../shared/api/contract.js';
import { scoresApi } from '../../../../shared/api/scores.js';

export interface DesignScore {
  designId?: string;
  seq?: number;
  at?: string;
  brand: number;
  compliance: number;
  blocksApproval: boolean;
  findings: Finding[];
}

export type AiProviderName = 'builtin' | 'openai';
export interface AiNotice {
  code: string;
  message: string;
}
export interface AiFinding {
  objectId: string;
  severity: 'error' | 'warning' | 'info';
  category: 'compliance' | 'brand-voice' | 'clarity';
  message: string;
  quote: string;
  suggestion: string;
  source: 'ai' | 'builtin';
}
export interface AiReview {
  provider: AiProviderName;
  notice?: AiNotice;
  findings: AiFinding[];
}
export interface AiRewrite {
  provider: AiProviderName;
  notice?: AiNotice;
  text: string;
  notes: string;
  findings: Finding[];
}
export interface ListingFacts {
  address?: string;
  city?: string;
  price?: number;
  beds?: number;
  baths?: number;
  sqft?: number;
  features: string[];
}
export interface AiDescription {
  provider: AiProviderName;
  notice?: AiNotice;
  text: string;
  findings: Finding[];
}

export type ScanJob = ScanWithReport;
export type { ScanProgress, ScanRow };

export const insightsApi = {
  score: (designId: string): Promise<DesignScore> => call(scoresApi.current, { params: { id: designId } }),
  aiStatus: () => request<{ provider: AiProviderName }>('/api/ai/status'),
  aiReview: (designId: string) => request<AiReview>('/api/ai/review', json('POST', { designId })),
  aiRewrite: (text: string, instruction: string) => request<AiRewrite>('/api/ai/rewrite', json('POST', { text, instruction })),
  aiListingDescription: (facts: ListingFacts) => request<AiDescription>('/api/ai/listing-description', json('POST', { facts })),
  saveBrandKit: (kit: BrandKit) => request<BrandKit>('/api/brand-kit', json('PUT', kit)),
  startScan: () => call(scansApi.start, { body: {} }),
  scan: (id: string) => call(scansApi.get, { params: { id } }),
  /** The brokerage's most recent scan (null before the first). */
  latestScan: () => call(scansApi.latest),
  scanCsvUrl: (id: string) => fillPath(scansApi.reportCsv.path, { id }),
};

/** `{field, message}` pairs from a validation error's details (empty when there are none). */
export function fieldErrors(details: unknown): Array<{ field: string; message: string }> {
  const fields = (details as { fields?: unknown } | null | undefined)?.fields;
  if (!Array.isArray(fields)) return [];
  return fields.filter((f): f is { field: string; message: string } => typeof f?.field === 'string' && typeof f?.message === 'string');
}
