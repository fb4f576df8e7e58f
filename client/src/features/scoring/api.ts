/** REST calls for scores, the AI assistant, the brand kit and brokerage scans (on the app's `request` helper). */
import type { BrandKit } from '../../../../shared/brand/index.js';
import type { Finding } from '../../../../shared/compliance/types.js';
import type { ScanJob as SharedScanJob, ScanProgress, ScanRow } from '../../../../shared/compliance/scan-report.js';
import { json, request } from '../../api.js';

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

export interface ScanJob extends SharedScanJob {
  report: ScanRow[] | null;
}
export type { ScanProgress, ScanRow };

const enc = encodeURIComponent;

export const insightsApi = {
  score: (designId: string) => request<DesignScore>(`/api/designs/${enc(designId)}/score`),
  aiStatus: () => request<{ provider: AiProviderName }>('/api/ai/status'),
  aiReview: (designId: string) => request<AiReview>('/api/ai/review', json('POST', { designId })),
  aiRewrite: (text: string, instruction: string) => request<AiRewrite>('/api/ai/rewrite', json('POST', { text, instruction })),
  aiListingDescription: (facts: ListingFacts) => request<AiDescription>('/api/ai/listing-description', json('POST', { facts })),
  saveBrandKit: (kit: BrandKit) => request<BrandKit>('/api/brand-kit', json('PUT', kit)),
  startScan: () => request<{ id: string }>('/api/compliance/scans', { method: 'POST' }),
  scan: (id: string) => request<ScanJob>(`/api/compliance/scans/${enc(id)}`),
  /** The brokerage's most recent scan (null before the first). */
  latestScan: () => request<{ scan: { id: string; status: string; createdAt: string } | null }>('/api/compliance/scans/latest'),
  scanCsvUrl: (id: string) => `/api/compliance/scans/${enc(id)}/report.csv`,
};

/** `{field, message}` pairs from a validation error's details (empty when there are none). */
export function fieldErrors(details: unknown): Array<{ field: string; message: string }> {
  const fields = (details as { fields?: unknown } | null | undefined)?.fields;
  if (!Array.isArray(fields)) return [];
  return fields.filter((f): f is { field: string; message: string } => typeof f?.field === 'string' && typeof f?.message === 'string');
}
