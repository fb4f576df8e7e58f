/** What the review, comment, inbox and version-history API returns (shared by server and client). */
import type { DesignStatus } from './state-machine.js';

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
  /** Pinned to this object (x, y = offset from its top-left), or to a page point when null. */
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

/** Who changed what, by user id. */
export type ChangesByPerson = Record<string, PersonChanges>;

export interface DesignDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

export type VersionKind = 'auto' | 'named' | 'submit' | 'approval' | 'restore';

export interface VersionSummary {
  id: string;
  kind: VersionKind;
  name: string | null;
  createdAt: string;
  createdBy: string | null;
  createdByName: string | null;
  changes: ChangesByPerson;
  diff: DesignDiff;
}

export interface StatusEvent {
  type: 'status';
  designId: string;
  status: DesignStatus;
}
