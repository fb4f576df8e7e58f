/**
 * What the review workflow and exports leave behind besides their own rows: the domain event
 * (server/events) and the audit entry, written in the same transaction.
 */
import type { AuditLog } from '../auth/index.js';
import type { Db, Queryable } from '../db/index.js';
import { recordDesignExported, recordReviewStep } from '../events/index.js';
import type { ScoringService } from '../scoring/index.js';
import type { ReviewEvent } from './service.js';

/** For ReviewService's `recordEvent`: the event of every step; an audit entry for a reviewer's decision. */
export function reviewRecorder(audit: Pick<AuditLog, 'write'>): (tx: Queryable, e: ReviewEvent) => Promise<void> {
  return async (tx, e) => {
    await recordReviewStep(tx, e);
    if (e.type === 'review.submitted') return;
    await audit.write(
      {
        brokerageId: e.brokerageId,
        actorId: e.actorId,
        action: e.type === 'review.approved' ? 'design.approved' : 'design.changes_requested',
        targetType: 'design',
        targetId: e.designId,
        details: { comment: e.comment ?? null },
      },
      tx,
    );
  };
}

export interface ExportRecord {
  designId: string;
  brokerageId: string;
  userId: string;
  ownerId: string;
  format: string;
  kind: string;
}

/** For the export route's `onExport`: `design.exported` (with the design's current scores) and its audit entry. */
export function exportRecorder(deps: {
  db: Db;
  audit: Pick<AuditLog, 'write'>;
  scoring: Pick<ScoringService, 'current'>;
}): (x: ExportRecord) => Promise<void> {
  return async (x) => {
    const score = await deps.scoring.current(x.designId).catch(() => null);
    await deps.db.transaction(async (tx) => {
      await recordDesignExported(tx, x, score ? { brand: score.brand, compliance: score.compliance } : undefined);
      await deps.audit.write(
        {
          brokerageId: x.brokerageId,
          actorId: x.userId,
          action: 'design.exported',
          targetType: 'design',
          targetId: x.designId,
          details: { format: x.format },
        },
        tx,
      );
    });
  };
}
