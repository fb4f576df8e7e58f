/** What the review, comment, inbox and version-history API returns (shared by server and client). */
import type { z } from 'zod';
import type {
  CommentSchema,
  DesignDiffSchema,
  NotificationSchema,
  PersonChangesSchema,
  QueueItemSchema,
  ReviewEntrySchema,
  VersionKindSchema,
  VersionSummarySchema,
} from '../api/review.js';
import type { DesignStatus } from './state-machine.js';

// The API's answers: one source, the zod schemas in shared/api/review.ts (the server serialises with them).
export type QueueItem = z.infer<typeof QueueItemSchema>;
export type ReviewEntry = z.infer<typeof ReviewEntrySchema>;
export type Comment = z.infer<typeof CommentSchema>;
export type Notification = z.infer<typeof NotificationSchema>;
export type PersonChanges = z.infer<typeof PersonChangesSchema>;
/** Who changed what, by user id. */
export type ChangesByPerson = Record<string, PersonChanges>;
export type DesignDiff = z.infer<typeof DesignDiffSchema>;
export type VersionKind = z.infer<typeof VersionKindSchema>;
export type VersionSummary = z.infer<typeof VersionSummarySchema>;

export interface StatusEvent {
  type: 'status';
  designId: string;
  status: DesignStatus;
}
