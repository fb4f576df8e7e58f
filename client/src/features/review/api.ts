/** REST calls for reviews, comments, the inbox, version history and the admin dashboard. */
import type { MaterialKey, MetricsReport, SeriesPoint } from '../../../../shared/events/index.js';
import type {
  Comment,
  DesignStatus,
  Notification,
  PersonChanges,
  QueueItem,
  ReviewEntry,
  VersionSummary,
} from '../../../../shared/review/index.js';
import type { Design } from '../../../../shared/design/index.js';
import { call, json, request } from '../../api.js';
import { presenceApi, type LivePresence } from '../../../../shared/api/presence.js';
import { adminMetricsApi, type METRIC_TABLES } from '../../../../shared/api/admin-metrics.js';
import { queryString, type ResponseOf } from '../../../../shared/api/contract.js';
import { aiApi } from '../../../../shared/api/ai.js';
import { settingsApi, type BrokerageSettings } from '../../../../shared/api/settings.js';

const enc = encodeURIComponent;

export type { Comment, DesignStatus, Notification, PersonChanges, QueueItem, ReviewEntry };
export type Version = VersionSummary;
export type { MaterialKey, MetricsReport, SeriesPoint };
export type { BrokerageSettings, LivePresence };
export type MetricTable = (typeof METRIC_TABLES)[number];

/** This month's AI spend against the budget. */
export type AiUsage = ResponseOf<typeof aiApi.usage>;

export const workflowApi = {
  submit: (id: string, comment?: string) =>
    request<{ status: DesignStatus }>(`/api/designs/${enc(id)}/submit`, json('POST', comment ? { comment } : {})),
  review: (id: string, decision: 'approve' | 'request_changes', comment?: string) =>
    request<{ status: DesignStatus }>(`/api/designs/${enc(id)}/review`, json('POST', comment ? { decision, comment } : { decision })),
  reviews: (id: string) => request<{ reviews: ReviewEntry[] }>(`/api/designs/${enc(id)}/reviews`),
  queue: () => request<{ designs: QueueItem[] }>('/api/reviews/queue'),
  comments: (id: string) => request<{ comments: Comment[] }>(`/api/designs/${enc(id)}/comments`),
  addComment: (id: string, c: { body: string; parentId?: string; objectId?: string; x?: number; y?: number }) =>
    request<Comment>(`/api/designs/${enc(id)}/comments`, json('POST', c)),
  resolveComment: (commentId: string, resolved: boolean) =>
    request<Comment>(`/api/comments/${enc(commentId)}/resolve`, json('POST', { resolved })),
  inbox: () => request<{ unread: number; notifications: Notification[] }>('/api/notifications'),
  markRead: (id: string | 'all') => request<void>(`/api/notifications/${enc(id)}/read`, { method: 'POST' }),
  versions: (id: string) => request<{ versions: Version[] }>(`/api/designs/${enc(id)}/versions`),
  nameVersion: (id: string, name: string) => request<{ id: string }>(`/api/designs/${enc(id)}/versions`, json('POST', { name })),
  version: (id: string, versionId: string) => request<{ design: Design }>(`/api/designs/${enc(id)}/versions/${enc(versionId)}`),
  restore: (id: string, versionId: string) =>
    request<{ restored: boolean }>(`/api/designs/${enc(id)}/versions/${enc(versionId)}/restore`, { method: 'POST' }),
  checkExport: (id: string, format: 'png' | 'pdf' | 'html' | 'zip') =>
    request<{ allowed: boolean }>(`/api/designs/${enc(id)}/exports`, json('POST', { format })),
  metrics: (from: string, to: string): Promise<MetricsReport> => call(adminMetricsApi.report, { query: { from, to } }),
  metricsCsvUrl: (table: MetricTable, from: string, to: string) => adminMetricsApi.csv.path + queryString({ table, from, to }),
  presence: () => call(presenceApi.live),
  aiUsage: () => call(aiApi.usage),
  settings: () => call(settingsApi.get),
  saveSettings: (s: BrokerageSettings) => call(settingsApi.put, { body: s }),
};
