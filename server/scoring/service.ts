import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import type { FastifyBaseLogger } from 'fastify';
import { readDesign, scoreDesign, type Design, type ScoreResult } from '../../shared/index.js';
import { loadStoredDoc, type DocumentStore, type Room, type RoomExtension } from '../collab/index.js';
import type { Db } from '../db/index.js';
import { recordNewViolations } from '../events/index.js';
import { ScoringContextProvider } from './context.js';
import { LiveDesign } from './live-design.js';
import type { LiveAiReview } from '../ai/live-review.js';

/**
 * While edits keep coming, re-score at most this often per design (a pause re-scores after settleMs);
 * the room's change feed adds at most its own interval: a change shows in the score within ~0.5 s.
 */
const MIN_INTERVAL_MS = 300;

export interface DesignScore extends ScoreResult {
  designId: string;
  seq: number;
  at: string;
}

export interface ScoringOptions {
  db: Db;
  store: DocumentStore;
  log: FastifyBaseLogger;
  /** Pushes a fresh score to everyone in the design. */
  publish: (score: DesignScore) => void;
  /** Quiet time after the last change before re-scoring. */
  settleMs?: number;
}

/**
 * Live scoring: re-scores a design shortly after its changes settle, stores the
 * result when it differs from the last one, and pushes it to the design's room.
 * Only the instance whose clients made a change scores it, so peers don't repeat the work.
 */
export class ScoringService {
  private readonly contexts: ScoringContextProvider;
  private readonly latest = new Map<string, DesignScore>();
  private readonly lastDigest = new Map<string, string>();
  /** Loaded rooms: the design read incrementally, the pending re-score. */
  private readonly live = new Map<string, { room: Room; live: LiveDesign; timer: NodeJS.Timeout | null; lastRun: number }>();
  private aiReview: LiveAiReview | null = null;

  constructor(private readonly opts: ScoringOptions) {
    this.contexts = new ScoringContextProvider(opts.db);
  }

  /** Turns on the live AI pass (only when a model is configured): its findings join the score as their own source. */
  enableAiReview(review: LiveAiReview): void {
    this.aiReview = review;
  }

  /** A live AI review finished for a design: re-score it so its findings reach the room. */
  aiReady(designId: string): void {
    const room = this.live.get(designId)?.room;
    if (room) void this.scoreRoom(room).catch((err) => this.opts.log.warn({ err, designId }, 'scoring failed'));
  }

  /**
   * Live scoring as a room extension: a change to the design (its objects or meta) by this
   * instance's clients or the server schedules a re-score once edits pause for `settleMs`, at
   * most one every MIN_INTERVAL_MS while someone keeps typing. Peers' changes only keep the
   * incremental read up to date: the instance whose clients made a change scores it.
   */
  extension(): RoomExtension {
    return {
      name: 'scoring',
      onLoad: ({ room }) => {
        this.live.set(room.designId, { room, live: new LiveDesign(room.doc, { observe: false }), timer: null, lastRun: 0 });
      },
      onChange: ({ room, changes }) => {
        const entry = this.live.get(room.designId);
        if (!entry) return;
        entry.live.invalidate(changes.objects);
        if (!changes.local) return;
        if (entry.timer) clearTimeout(entry.timer);
        const settle = this.opts.settleMs ?? 100;
        const wait = Math.max(settle, entry.lastRun + MIN_INTERVAL_MS - Date.now());
        entry.timer = setTimeout(() => {
          entry.timer = null;
          entry.lastRun = Date.now();
          void this.scoreRoom(room).catch((err) => this.opts.log.warn({ err, designId: room.designId }, 'scoring failed'));
        }, wait);
      },
      beforeUnload: ({ room }) => {
        const entry = this.live.get(room.designId);
        if (entry?.timer) clearTimeout(entry.timer);
        this.live.delete(room.designId);
        this.aiReview?.forget(room.designId);
        this.latest.delete(room.designId);
        this.lastDigest.delete(room.designId);
        this.contexts.forget(room.designId);
      },
    };
  }

  async scoreRoom(room: Room): Promise<DesignScore | null> {
    const entry = this.live.get(room.designId);
    // Changes not told yet must be in the read.
    room.flushChanges();
    const design = entry?.live.read() ?? readDesign(room.doc).design;
    return this.scoreDesignValue(room.designId, design, room.seq);
  }

  /** The latest score: from memory, else computed from the stored document. */
  async current(designId: string): Promise<DesignScore | null> {
    const cached = this.latest.get(designId);
    if (cached) return cached;
    const [doc, latest] = await Promise.all([loadStoredDoc(this.opts.store, designId), this.opts.store.latestSeqs([designId])]);
    try {
      return await this.scoreDoc(designId, doc, latest.get(designId) ?? 0, false);
    } finally {
      doc.destroy();
    }
  }

  /** Scores a plain design in its brokerage's context, without storing or pushing anything. */
  async evaluate(designId: string, design: Design): Promise<ScoreResult | null> {
    const ctx = await this.contexts.forDesign(designId, design.meta.templateId, design.meta.templateVersion);
    return ctx ? scoreDesign(design, ctx) : null;
  }

  private async scoreDoc(designId: string, doc: Y.Doc, seq: number, push = true): Promise<DesignScore | null> {
    return this.scoreDesignValue(designId, readDesign(doc).design, seq, push);
  }

  private async scoreDesignValue(designId: string, design: Design, seq: number, push = true): Promise<DesignScore | null> {
    const ctx = await this.contexts.forDesign(designId, design.meta.templateId, design.meta.templateVersion);
    if (!ctx) return null;
    let result = scoreDesign(design, ctx);
    const brokerageId = this.aiReview && this.contexts.brokerageOf(designId);
    if (this.aiReview && brokerageId) {
      const texts = Object.values(design.objects).flatMap((o) => (o.type === 'text' && o.text ? [{ objectId: o.id, text: o.text }] : []));
      result = this.aiReview.merge(designId, { brokerageId, rulePacks: ctx.rulePacks, voice: ctx.brandKit.voice }, texts, result);
    }
    const score: DesignScore = { ...result, designId, seq, at: new Date().toISOString() };
    const digest = createHash('sha1')
      .update(JSON.stringify([result.brand, result.compliance, result.blocksApproval, result.findings]))
      .digest('hex');
    const changed = this.lastDigest.get(designId) !== digest;
    this.latest.set(designId, score);
    this.lastDigest.set(designId, digest);
    if (changed) {
      // The score row and the compliance.violation.detected events for newly failing rules commit together.
      await this.opts.db
        .transaction(async (tx) => {
          const stored = await tx.query(
            `INSERT INTO design_scores (design_id, seq, brand, compliance, blocks_approval, findings, digest)
             SELECT $1, $2, $3, $4, $5, $6, $7
             WHERE COALESCE((SELECT digest FROM design_scores WHERE design_id = $1 ORDER BY id DESC LIMIT 1), '') <> $7 RETURNING id`,
            [designId, seq, result.brand, result.compliance, result.blocksApproval, JSON.stringify(result.findings), digest],
          );
          if (stored.rows.length) await recordNewViolations(tx, designId, result);
        })
        .catch((err) => this.opts.log.warn({ err, designId }, 'could not store score'));
    }
    if (push && changed) this.opts.publish(score);
    return score;
  }

  /** Score history, newest first. */
  async history(
    designId: string,
    limit = 100,
  ): Promise<Array<{ seq: number; brand: number; compliance: number; blocksApproval: boolean; at: string }>> {
    const { rows } = await this.opts.db.query<{
      seq: number;
      brand: number;
      compliance: number;
      blocks_approval: boolean;
      created_at: Date | string;
    }>('SELECT seq, brand, compliance, blocks_approval, created_at FROM design_scores WHERE design_id = $1 ORDER BY id DESC LIMIT $2', [
      designId,
      limit,
    ]);
    return rows.map((r) => ({
      seq: Number(r.seq),
      brand: r.brand,
      compliance: r.compliance,
      blocksApproval: r.blocks_approval,
      at: new Date(r.created_at).toISOString(),
    }));
  }
}
