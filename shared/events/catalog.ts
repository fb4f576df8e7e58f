import { z } from 'zod';

/**
 * The domain event catalogue: every event type with its payload schema per
 * version. Adding a field that old readers can ignore is fine within a version;
 * anything else is a new version plus an upcaster from the previous one, so
 * stored events of every version stay readable (migrated on load, then parsed).
 */

const id = z.string().min(1).max(100);
const score = z.number().min(0).max(100);
/** Scores at the moment of the event, when the emitter knows them (analytics averages them). */
const Scores = z.object({ brand: score, compliance: score });

export const AgentOnboardedV1 = z.object({
  userId: id,
  name: z.string().max(200),
  role: z.enum(['agent', 'brand_manager', 'admin']),
  via: z.enum(['invite', 'first_login', 'seed', 'admin']),
});

export const DesignCreatedV1 = z.object({
  designId: id,
  kind: z.string().min(1).max(50),
  ownerId: id,
  templateId: id.nullable(),
  title: z.string().max(200),
});

export const DesignExportedV1 = z.object({
  designId: id,
  kind: z.string().min(1).max(50),
  ownerId: id,
  format: z.string().min(1).max(20), // pdf, png, jpg, svg…
  scores: Scores.optional(),
});

export const AssetDownloadedV1 = z.object({
  assetId: id,
  designId: id.nullish(),
  userId: id,
});

export const MlsListingSyncedV1 = z.object({
  listingKey: z.string().min(1).max(255),
  source: z.string().max(100),
  status: z.string().max(50).optional(),
  changes: z.array(z.string().max(100)).max(200).default([]),
});

export const ComplianceViolationDetectedV1 = z.object({
  designId: id,
  kind: z.string().max(50).optional(),
  ownerId: id.optional(),
  ruleId: z.string().min(1).max(100),
  category: z.string().max(50),
  severity: z.enum(['error', 'warning', 'info']),
  scores: Scores.optional(),
});

export const ReviewSubmittedV1 = z.object({
  designId: id,
  kind: z.string().min(1).max(50),
  ownerId: id,
  submittedBy: id,
  scores: Scores.optional(),
});

const ReviewDecisionV1 = z.object({
  designId: id,
  kind: z.string().min(1).max(50),
  ownerId: id,
  reviewerId: id,
  /** From the submission this decision answers to the decision. */
  turnaroundMs: z.number().int().nonnegative().nullable(),
  comment: z.string().max(5000).optional(),
  scores: Scores.optional(),
});
export const ReviewApprovedV1 = ReviewDecisionV1;
export const ReviewChangesRequestedV1 = ReviewDecisionV1;

export const AnalyticsMetricsGeneratedV1 = z.object({
  from: z.string(),
  to: z.string(),
  requestedBy: id,
  totals: z.record(z.string(), z.number().nullable()),
});

/** Upcaster: turns a payload of version n-1 into version n (none needed yet). */
export type Upcaster = (payload: unknown) => unknown;

interface Entry {
  /** Schemas by version; the highest is current. */
  versions: Record<number, z.ZodType>;
  /** upcasters[n] lifts version n-1 to n. */
  upcasters?: Record<number, Upcaster>;
}

export const EVENT_CATALOG = {
  'agent.onboarded': { versions: { 1: AgentOnboardedV1 } },
  'design.created': { versions: { 1: DesignCreatedV1 } },
  'design.exported': { versions: { 1: DesignExportedV1 } },
  'asset.downloaded': { versions: { 1: AssetDownloadedV1 } },
  'mls.listing.synced': { versions: { 1: MlsListingSyncedV1 } },
  'compliance.violation.detected': { versions: { 1: ComplianceViolationDetectedV1 } },
  'review.submitted': { versions: { 1: ReviewSubmittedV1 } },
  'review.approved': { versions: { 1: ReviewApprovedV1 } },
  'review.changes_requested': { versions: { 1: ReviewChangesRequestedV1 } },
  'analytics.metrics.generated': { versions: { 1: AnalyticsMetricsGeneratedV1 } },
} as const satisfies Record<string, Entry>;

export type EventType = keyof typeof EVENT_CATALOG;
export const EVENT_TYPES = Object.keys(EVENT_CATALOG) as EventType[];
export const EventTypeSchema = z.enum(EVENT_TYPES as [EventType, ...EventType[]]);

/** The current payload of each event type. */
export interface EventPayloads {
  'agent.onboarded': z.infer<typeof AgentOnboardedV1>;
  'design.created': z.infer<typeof DesignCreatedV1>;
  'design.exported': z.infer<typeof DesignExportedV1>;
  'asset.downloaded': z.infer<typeof AssetDownloadedV1>;
  'mls.listing.synced': z.infer<typeof MlsListingSyncedV1>;
  'compliance.violation.detected': z.infer<typeof ComplianceViolationDetectedV1>;
  'review.submitted': z.infer<typeof ReviewSubmittedV1>;
  'review.approved': z.infer<typeof ReviewApprovedV1>;
  'review.changes_requested': z.infer<typeof ReviewChangesRequestedV1>;
  'analytics.metrics.generated': z.infer<typeof AnalyticsMetricsGeneratedV1>;
}

export function currentVersion(type: EventType): number {
  return Math.max(...Object.keys(EVENT_CATALOG[type].versions).map(Number));
}
