/** REST calls for reviews, comments, the inbox, version history and the admin dashboard. */
import type { Design } from '../../../shared/index.js';
import { json, request } from '../api.js';

const enc = encodeURIComponent;

export type DesignStatus = 'draft' | 'in_review' | 'approved' | 'changes_requested';

export interface QueueItem {
  id: string;
  title: string;
  kind: string;
  ownerId: string;
  ownerName: string;
  submittedAt: string | null;
  brand: number | null;
  compliance: number | null;
  blocksApproval: boolean;
}

export interface ReviewEntry {
  id: string;
  action: 'submitted' | 'approved' | 'changes_requested' | 'reopened';
  actorId: string;
  actorName: string;
  comment: string | null;
  brand: number | null;
  compliance: number | null;
  at: string;
}

export interface Comment {
  id: string;
  designId: string;
  parentId: string | null;
  authorId: string;
  authorName: string;
  body: string;
  objectId: string | null;
  x: number | null;
  y: number | null;
  mentions: string[];
  resolvedAt: string | null;
  createdAt: string;
}

export interface Notification {
  id: string;
  kind: string;
  designId: string | null;
  title: string;
  body: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface PersonChanges {
  name: string;
  added: string[];
  changed: string[];
  removed: string[];
}

export interface Version {
  id: string;
  kind: 'auto' | 'named' | 'submit' | 'approval' | 'restore';
  name: string | null;
  createdAt: string;
  createdBy: string | null;
  createdByName: string | null;
  changes: Record<string, PersonChanges>;
  diff: { added: string[]; removed: string[]; changed: string[] };
}

export interface SeriesPoint {
  date: string;
  created: number;
  exports: number;
  downloads: number;
  approvals: number;
  violations: number;
  avgBrand: number | null;
  avgCompliance: number | null;
}

export type MaterialKey = 'listingsGenerated' | 'openHouseMaterials' | 'emailSignatures' | 'businessCards' | 'socialPosts' | 'postcards';

export interface MetricsReport extends Record<MaterialKey, number> {
  from: string;
  to: string;
  designsCreated: number;
  exports: number;
  downloads: number;
  submissions: number;
  approvals: number;
  changesRequested: number;
  averageApprovalTurnaroundMs: number | null;
  complianceViolations: number;
  averageBrandScore: number | null;
  averageComplianceScore: number | null;
  agentsOnboarded: number;
  listingsSynced: number;
  perAgent: Array<{ agentId: string; name: string; role: string | null; designs: number; exports: number; approvals: number }>;
  series: SeriesPoint[];
  materialsByKind: Array<{ date: string } & Record<MaterialKey | 'other', number>>;
  approvalTurnaround: Array<{ date: string; approvals: number; averageMs: number | null }>;
  violationsByRule: Array<{ ruleId: string; count: number }>;
}

export interface LivePresence {
  designs: Array<{ designId: string; title: string; kind: string; status: string; people: Array<{ userId: string; name: string; readOnly: boolean }> }>;
  people: number;
  instances: number;
}

export interface AiUsage {
  month: string;
  costUsd: number;
  budgetUsd: number;
  calls: number;
  cachedCalls: number;
  byTask: Array<{ task: string; calls: number; costUsd: number }>;
}

export const workflowApi = {
  submit: (id: string, comment?: string) => request<{ status: DesignStatus }>(`/api/designs/${enc(id)}/submit`, json('POST', comment ? { comment } : {})),
  review: (id: string, decision: 'approve' | 'request_changes', comment?: string) =>
    request<{ status: DesignStatus }>(`/api/designs/${enc(id)}/review`, json('POST', comment ? { decision, comment } : { decision })),
  reviews: (id: string) => request<{ reviews: ReviewEntry[] }>(`/api/designs/${enc(id)}/reviews`),
  queue: () => request<{ designs: QueueItem[] }>('/api/reviews/queue'),
  comments: (id: string) => request<{ comments: Comment[] }>(`/api/designs/${enc(id)}/comments`),
  addComment: (id: string, c: { body: string; parentId?: string; objectId?: string; x?: number; y?: number }) => request<Comment>(`/api/designs/${enc(id)}/comments`, json('POST', c)),
  resolveComment: (commentId: string, resolved: boolean) => request<Comment>(`/api/comments/${enc(commentId)}/resolve`, json('POST', { resolved })),
  inbox: () => request<{ unread: number; notifications: Notification[] }>('/api/notifications'),
  markRead: (id: string | 'all') => request<void>(`/api/notifications/${enc(id)}/read`, { method: 'POST' }),
  versions: (id: string) => request<{ versions: Version[] }>(`/api/designs/${enc(id)}/versions`),
  nameVersion: (id: string, name: string) => request<{ id: string }>(`/api/designs/${enc(id)}/versions`, json('POST', { name })),
  version: (id: string, versionId: string) => request<{ design: Design }>(`/api/designs/${enc(id)}/versions/${enc(versionId)}`),
  restore: (id: string, versionId: string) => request<{ restored: boolean }>(`/api/designs/${enc(id)}/versions/${enc(versionId)}/restore`, { method: 'POST' }),
  checkExport: (id: string, format: 'png' | 'pdf' | 'html' | 'zip') => request<{ allowed: boolean }>(`/api/designs/${enc(id)}/exports`, json('POST', { format })),
  metrics: (from: string, to: string) => request<MetricsReport>(`/api/admin/metrics?from=${enc(from)}&to=${enc(to)}`),
  metricsCsvUrl: (table: string, from: string, to: string) => `/api/admin/metrics.csv?table=${enc(table)}&from=${enc(from)}&to=${enc(to)}`,
  presence: () => request<LivePresence>('/api/admin/presence'),
  aiUsage: () => request<AiUsage>('/api/ai/usage'),
};
