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
import { call } from '../../api.js';
import { presenceApi, type LivePresence } from '../../../../shared/api/presence.js';
import { adminMetricsApi, type METRIC_TABLES } from '../../../../shared/api/admin-metrics.js';
import { urlOf, type RequestOf, type ResponseOf } from '../../../../shared/api/contract.js';
import { aiApi } from '../../../../shared/api/ai.js';
import { reviewApi } from '../../../../shared/api/review.js';
import { settingsApi, type BrokerageSettings } from '../../../../shared/api/settings.js';

export type { Comment, DesignStatus, Notification, PersonChanges, QueueItem, ReviewEntry };
export type Version = VersionSummary;
export type { MaterialKey, MetricsReport, SeriesPoint };
export type { BrokerageSettings, LivePresence };
export type MetricTable = (typeof METRIC_TABLES)[number];

/** A new comment as the server takes it (shared/api/review.ts). */
export type NewComment = RequestOf<typeof reviewApi.comment>['body'];
/** The formats an export is checked for. */
export type ExportFormat = RequestOf<typeof reviewApi.exports>['body']['format'];

/** This month's AI spend against the budget. */
export type AiUsage = ResponseOf<typeof aiApi.usage>;

export const workflowApi = {
  submit: (id: string, comment?: string) => call(reviewApi.submit, { params: { id }, body: comment ? { comment } : {} }),
  review: (id: string, decision: 'approve' | 'request_changes', comment?: string) =>
    call(reviewApi.review, { params: { id }, body: comment ? { decision, comment } : { decision } }),
  reviews: (id: string) => call(reviewApi.history, { params: { id } }),
  queue: () => call(reviewApi.queue),
  comments: (id: string) => call(reviewApi.comments, { params: { id } }),
  addComment: (id: string, c: NewComment) => call(reviewApi.comment, { params: { id }, body: c }),
  resolveComment: (commentId: string, resolved: boolean) => call(reviewApi.resolve, { params: { id: commentId }, body: { resolved } }),
  inbox: () => call(reviewApi.inbox),
  markRead: (id: string | 'all') => call(reviewApi.read, { params: { id } }),
  versions: (id: string) => call(reviewApi.versions, { params: { id } }),
  nameVersion: (id: string, name: string) => call(reviewApi.nameVersion, { params: { id }, body: { name } }),
  version: (id: string, versionId: string) => call(reviewApi.version, { params: { id, versionId } }),
  restore: (id: string, versionId: string) => call(reviewApi.restore, { params: { id, versionId } }),
  checkExport: (id: string, format: ExportFormat) => call(reviewApi.exports, { params: { id }, body: { format } }),
  metrics: (from: string, to: string): Promise<MetricsReport> => call(adminMetricsApi.report, { query: { from, to } }),
  metricsCsvUrl: (table: MetricTable, from: string, to: string) => urlOf(adminMetricsApi.csv, { query: { table, from, to } }),
  presence: () => call(presenceApi.live),
  aiUsage: () => call(aiApi.usage),
  settings: () => call(settingsApi.get),
  saveSettings: (s: BrokerageSettings) => call(settingsApi.put, { body: s }),
};
