import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { transition, type DesignStatus, type ReviewAction, type ReviewEntry } from '../../shared/index.js';
import type { RoomExtension } from '../collab/index.js';
import type { Db, Queryable } from '../db/index.js';
import { AppError, notFound } from '../errors.js';
import type { ScoringService } from '../scoring/index.js';
import type { NotificationService } from './notifications.js';
import type { VersionService } from './versions.js';

export interface Reviewer {
  id: string;
  name: string;
  role: string;
  brokerageId: string;
}

export interface ReviewEvent {
  type: 'review.submitted' | 'review.approved' | 'review.changes_requested';
  designId: string;
  brokerageId: string;
  actorId: string;
  ownerId: string;
  kind: string;
  comment?: string;
  brand?: number;
  compliance?: number;
  /** Milliseconds from submission to this decision. */
  turnaroundMs?: number;
}

export interface ReviewServiceDeps {
  db: Db;
  log: FastifyBaseLogger;
  scoring: ScoringService;
  versions: VersionService;
  notifications: NotificationService;
  /** Live updates: the design's room and the brokerage's review queue. */
  publish: (brokerageId: string, designId: string, status: DesignStatus) => void;
  /** Durable domain events, written in the same transaction as the change. */
  recordEvent?: (tx: Queryable, event: ReviewEvent) => Promise<void>;
  /** Whether this person may edit the design (owner, editor share, brand manager, admin). */
  canEdit: (user: Reviewer, design: { ownerId: string; id: string }) => Promise<boolean>;
}

const REVIEWER_ROLES = new Set(['brand_manager', 'admin']);
const REOPEN_CHECK_MS = 1_500;
/** Reopen checks due within the same slot run as one statement (a check waits at most this much longer). */
const REOPEN_SLOT_MS = 250;

/** The review workflow around the pure state machine in shared/review. */
export class ReviewService {
  constructor(private readonly deps: ReviewServiceDeps) {}

  /**
   * An edit to an approved (or sent back) design returns it to draft for re-approval.
   * Checked at most once per REOPEN_CHECK_MS per room while people edit, for all rooms due at about
   * the same time in one small statement (100 busy rooms: a few a second, not one per room).
   * Only a person's changes to the design itself (objects, page settings) count as edits; values an
   * editor derives and writes back (a text box's measured height) do not, nor does loading (a
   * migration on load). The room's extensions tell a few times a second, with when each edit reached the server.
   */
  reopenExtension(): RoomExtension {
    /** Per room: when its check is due, and the latest edit not yet checked with who made it. */
    const pending = new Map<string, { due: number; last: { at: Date; userId: string | null } }>();
    let timer: NodeJS.Timeout | null = null;
    let timerAt = 0;
    const schedule = () => {
      let next = Infinity;
      for (const p of pending.values()) next = Math.min(next, p.due);
      if (next === Infinity || (timer && timerAt <= next)) return;
      if (timer) clearTimeout(timer);
      timerAt = next;
      timer = setTimeout(run, Math.max(0, next - Date.now()));
      timer.unref();
    };
    const run = () => {
      timer = null;
      const now = Date.now();
      const due: Array<{ designId: string; at: Date; userId: string | null }> = [];
      for (const [designId, p] of pending) {
        if (p.due > now) continue;
        due.push({ designId, ...p.last });
        pending.delete(designId);
      }
      schedule();
      if (due.length === 0) return;
      void this.onEdited(due).catch((err) =>
        this.deps.log.warn({ err, designIds: due.map((d) => d.designId) }, 'could not reopen edited design'),
      );
    };
    return {
      name: 'review-reopen',
      onChange: ({ room, changes }) => {
        if (!changes.edited) return;
        const last = { at: new Date(changes.lastEditAt), userId: changes.lastEditConn ? changes.lastEditConn.principal.userId : null };
        const waiting = pending.get(room.designId);
        if (waiting) {
          waiting.last = last;
          return;
        }
        // Due REOPEN_CHECK_MS after the edit, rounded up to a slot: rooms due in the same slot are checked in one statement.
        pending.set(room.designId, { due: Math.ceil((Date.now() + REOPEN_CHECK_MS) / REOPEN_SLOT_MS) * REOPEN_SLOT_MS, last });
        schedule();
      },
      beforeUnload: ({ room }) => {
        pending.delete(room.designId);
      },
    };
  }

  /**
   * Sends approved (or sent back) designs to draft, each unless its status changed after its edit
   * reached the server: an edit made before an approval, checked a moment later, must not revoke it.
   */
  private async onEdited(edits: Array<{ designId: string; at: Date; userId: string | null }>): Promise<void> {
    const { rows } = await this.deps.db.query<{ id: string; brokerage_id: string }>(
      `UPDATE designs d SET status = 'draft', status_changed_at = $3, updated_at = now()
         FROM unnest($1::text[], $2::timestamptz[]) AS e(id, at)
       WHERE d.id = e.id AND d.status IN ('approved', 'changes_requested') AND (d.status_changed_at IS NULL OR d.status_changed_at < e.at)
       RETURNING d.id, d.brokerage_id`,
      [edits.map((e) => e.designId), edits.map((e) => e.at), new Date()],
    );
    for (const row of rows) {
      const userId = edits.find((e) => e.designId === row.id)?.userId;
      if (userId) {
        await this.deps.db.query(
          "INSERT INTO design_reviews (id, design_id, brokerage_id, action, actor_id) VALUES ($1, $2, $3, 'reopened', $4)",
          [randomUUID(), row.id, row.brokerage_id, userId],
        );
      }
      this.deps.publish(row.brokerage_id, row.id, 'draft');
    }
  }

  async submit(user: Reviewer, designId: string, comment?: string): Promise<DesignStatus> {
    return this.act(user, designId, 'submit', comment);
  }

  async review(user: Reviewer, designId: string, decision: 'approve' | 'request_changes', comment?: string): Promise<DesignStatus> {
    return this.act(user, designId, decision, comment);
  }

  private async act(user: Reviewer, designId: string, action: ReviewAction, comment?: string): Promise<DesignStatus> {
    const { rows } = await this.deps.db.query<{ owner_id: string; status: DesignStatus; title: string; kind: string }>(
      'SELECT owner_id, status, title, kind FROM designs WHERE id = $1 AND brokerage_id = $2 AND deleted_at IS NULL',
      [designId, user.brokerageId],
    );
    const design = rows[0];
    if (!design) throw notFound('Design');
    const score = action === 'approve' || action === 'submit' ? await this.deps.scoring.current(designId) : null;
    const result = transition(design.status, action, {
      canSubmit: await this.deps.canEdit(user, { ownerId: design.owner_id, id: designId }),
      canReview: REVIEWER_ROLES.has(user.role),
      blocksApproval: score?.blocksApproval ?? false,
    });
    if (!result.ok) {
      const status = result.code === 'forbidden' ? 403 : result.code === 'approval_blocked' ? 422 : 409;
      throw new AppError(status, result.code, result.message);
    }
    const recordAction = action === 'submit' ? 'submitted' : action === 'approve' ? 'approved' : 'changes_requested';
    const pushes: Array<{ userId: string; n: Awaited<ReturnType<NotificationService['notify']>> }> = [];
    await this.deps.db.transaction(async (tx) => {
      // Guard against a concurrent decision: only move from the status we read.
      // The time is this process's clock, like the edit times it is compared with (see onEdited).
      const moved = await tx.query(
        'UPDATE designs SET status = $3, status_changed_at = $4, updated_at = now() WHERE id = $1 AND status = $2 RETURNING id',
        [designId, design.status, result.status, new Date()],
      );
      if (!moved.rows.length) throw new AppError(409, 'invalid_transition', 'The design changed status meanwhile; reload and try again');
      let turnaroundMs: number | undefined;
      if (action !== 'submit') {
        const submitted = await tx.query<{ created_at: Date }>(
          "SELECT created_at FROM design_reviews WHERE design_id = $1 AND action = 'submitted' ORDER BY created_at DESC LIMIT 1",
          [designId],
        );
        if (submitted.rows[0]) turnaroundMs = Date.now() - new Date(submitted.rows[0].created_at).getTime();
      }
      await tx.query(
        'INSERT INTO design_reviews (id, design_id, brokerage_id, action, actor_id, comment, brand_score, compliance_score) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [randomUUID(), designId, user.brokerageId, recordAction, user.id, comment ?? null, score?.brand ?? null, score?.compliance ?? null],
      );
      await this.deps.recordEvent?.(tx, {
        type: `review.${recordAction}` as ReviewEvent['type'],
        designId,
        brokerageId: user.brokerageId,
        actorId: user.id,
        ownerId: design.owner_id,
        kind: design.kind,
        comment,
        brand: score?.brand,
        compliance: score?.compliance,
        turnaroundMs,
      });
      if (action === 'submit') {
        const reviewers = await tx.query<{ id: string }>(
          "SELECT id FROM users WHERE brokerage_id = $1 AND active AND role IN ('brand_manager', 'admin') AND id <> $2",
          [user.brokerageId, user.id],
        );
        for (const r of reviewers.rows) {
          pushes.push({
            userId: r.id,
            n: await this.deps.notifications.notify(tx, {
              userId: r.id,
              brokerageId: user.brokerageId,
              kind: 'review_requested',
              designId,
              title: `${user.name} submitted “${design.title}” for review`,
              body: comment,
            }),
          });
        }
      } else if (design.owner_id !== user.id) {
        const title =
          action === 'approve' ? `“${design.title}” was approved by ${user.name}` : `${user.name} requested changes on “${design.title}”`;
        pushes.push({
          userId: design.owner_id,
          n: await this.deps.notifications.notify(tx, {
            userId: design.owner_id,
            brokerageId: user.brokerageId,
            kind: action === 'approve' ? 'approved' : 'changes_requested',
            designId,
            title,
            body: comment,
          }),
        });
      }
    });
    for (const p of pushes) this.deps.notifications.deliver(p.userId, p.n);
    this.deps.publish(user.brokerageId, designId, result.status);
    if (action !== 'request_changes') {
      await this.deps.versions
        .create(designId, action === 'submit' ? 'submit' : 'approval', action === 'submit' ? 'Submitted for review' : 'Approved', user.id)
        .catch((err) => this.deps.log.warn({ err }, 'version failed'));
    }
    return result.status;
  }

  async history(brokerageId: string, designId: string) {
    const { rows } = await this.deps.db.query<{
      id: string;
      action: ReviewEntry['action'];
      actor_id: string;
      actor: string;
      comment: string | null;
      brand_score: number | null;
      compliance_score: number | null;
      created_at: Date;
    }>(
      `SELECT r.*, u.name AS actor FROM design_reviews r JOIN users u ON u.id = r.actor_id
       WHERE r.brokerage_id = $1 AND r.design_id = $2 ORDER BY r.created_at DESC LIMIT 200`,
      [brokerageId, designId],
    );
    return rows.map((r) => ({
      id: r.id,
      action: r.action,
      actorId: r.actor_id,
      actorName: r.actor,
      comment: r.comment,
      brand: r.brand_score,
      compliance: r.compliance_score,
      at: new Date(r.created_at).toISOString(),
    }));
  }

  /** Designs waiting for review in the brokerage, oldest submission first. */
  async queue(brokerageId: string) {
    const { rows } = await this.deps.db.query<{
      id: string;
      title: string;
      kind: string;
      owner_id: string;
      owner: string;
      submitted_at: Date | null;
      updated_at: Date;
    }>(
      `SELECT d.id, d.title, d.kind, d.owner_id, u.name AS owner, d.updated_at,
              (SELECT max(created_at) FROM design_reviews r WHERE r.design_id = d.id AND r.action = 'submitted') AS submitted_at
       FROM designs d JOIN users u ON u.id = d.owner_id
       WHERE d.brokerage_id = $1 AND d.status = 'in_review' AND d.deleted_at IS NULL
       ORDER BY submitted_at ASC NULLS LAST LIMIT 500`,
      [brokerageId],
    );
    const items = [];
    for (const r of rows) {
      const score = await this.deps.scoring.current(r.id).catch(() => null);
      items.push({
        id: r.id,
        title: r.title,
        kind: r.kind,
        ownerId: r.owner_id,
        ownerName: r.owner,
        submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
        brand: score?.brand ?? null,
        compliance: score?.compliance ?? null,
        blocksApproval: score?.blocksApproval ?? false,
      });
    }
    return items;
  }
}
