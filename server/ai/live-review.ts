import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { scoreFindings, type Finding, type ScoreResult } from '../../shared/index.js';
import type { AiService } from './service.js';
import type { AiContext, AiFinding } from './types.js';

export const AI_RULE_ID = 'ai-compliance-review';

export interface LiveReviewOptions {
  ai: AiService;
  log: FastifyBaseLogger;
  /** Quiet time per object before its changed text is sent. */
  debounceMs?: number;
  /** Called when new AI findings for a design are ready (the scorer re-publishes). */
  onReady: (designId: string) => void;
  /** Reviewed texts kept in memory (the AI service also caches answers in the database). */
  maxCached?: number;
}

export interface ReviewText {
  objectId: string;
  text: string;
}

/** What the model said about one text, by its hash and the packs it was checked under. */
type Reviewed = readonly AiFinding[];

/**
 * The live AI pass: text that changed is reviewed in the background, one
 * object at a time after it stops changing, and the answer is cached by text
 * hash and packs. Its findings join the live score as their own source: a
 * warning unless a rule flags the same words, never blocking approval on
 * their own. Without a configured model (or with its budget used up, a
 * timeout, a 429 or unusable output) nothing is added and the rule engine's
 * score stands as is.
 */
export class LiveAiReview {
  private readonly reviewed = new Map<string, Reviewed>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Set<string>();

  constructor(private readonly opts: LiveReviewOptions) {}

  /** The rule result with the AI findings known for these texts; schedules reviews for texts not seen yet. */
  merge(designId: string, ctx: AiContext, texts: readonly ReviewText[], result: ScoreResult): ScoreResult {
    const ai: Finding[] = [];
    for (const t of texts) {
      if (!t.text.trim()) continue;
      const key = this.key(ctx, t.text);
      const known = this.reviewed.get(key);
      if (known) ai.push(...known.flatMap((f) => toFinding(f, t, result.findings)));
      else this.schedule(designId, ctx, t, key);
    }
    if (ai.length === 0) return result;
    const findings = [...result.findings, ...ai];
    const { brand, compliance } = scoreFindings(findings);
    // Approval is decided by the rules alone.
    return { ...result, brand, compliance, findings };
  }

  /** Reviews waiting for their debounce or their answer. */
  get pending(): number {
    return this.timers.size + this.inFlight.size;
  }

  /** Stops pending reviews of a design (its room closed). */
  forget(designId: string): void {
    for (const [k, timer] of this.timers) {
      if (k.startsWith(`${designId}\u0000`)) {
        clearTimeout(timer);
        this.timers.delete(k);
      }
    }
  }

  private key(ctx: AiContext, text: string): string {
    return createHash('sha256')
      .update(JSON.stringify([ctx.brokerageId, [...ctx.rulePacks].sort(), text]))
      .digest('hex');
  }

  private schedule(designId: string, ctx: AiContext, item: ReviewText, key: string): void {
    if (this.inFlight.has(key)) return;
    const slot = `${designId}\u0000${item.objectId}`;
    const pending = this.timers.get(slot);
    if (pending) clearTimeout(pending);
    this.timers.set(
      slot,
      setTimeout(() => {
        this.timers.delete(slot);
        void this.review(designId, ctx, item, key);
      }, this.opts.debounceMs ?? 1_500),
    );
  }

  private async review(designId: string, ctx: AiContext, item: ReviewText, key: string): Promise<void> {
    if (this.inFlight.has(key) || this.reviewed.has(key)) return;
    this.inFlight.add(key);
    try {
      const answer = await this.opts.ai.review(ctx, [{ objectId: item.objectId, text: item.text }]);
      // Only a model's answer is an AI finding; the built-in fallback repeats the rules.
      const findings =
        answer.provider === 'openai' ? answer.result.findings.filter((f) => f.category === 'compliance' && f.severity !== 'info') : [];
      if (answer.notice) this.opts.log.info({ designId, notice: answer.notice.code }, 'live AI review not used');
      if (this.reviewed.size >= (this.opts.maxCached ?? 5_000)) this.reviewed.clear();
      this.reviewed.set(key, findings);
      if (findings.length) this.opts.onReady(designId);
    } catch (err) {
      this.opts.log.warn({ err: err instanceof Error ? err.message : String(err), designId }, 'live AI review failed');
    } finally {
      this.inFlight.delete(key);
    }
  }
}

/** One AI finding as a score finding on the object it was about: a warning unless a rule flags overlapping words. */
function toFinding(f: AiFinding, t: ReviewText, ruleFindings: readonly Finding[]): Finding[] {
  const at = f.quote ? t.text.indexOf(f.quote) : -1;
  if (f.quote && at < 0) return []; // the model quoted words that are not in the text
  const span = at >= 0 ? { objectId: t.objectId, start: at, end: at + f.quote.length, text: f.quote } : undefined;
  const agreeing = span
    ? ruleFindings.find(
        (r) => r.category === 'compliance' && r.span?.objectId === t.objectId && r.span.start < span.end && span.start < r.span.end,
      )
    : undefined;
  return [
    {
      ruleId: AI_RULE_ID,
      category: 'compliance',
      severity: agreeing?.severity === 'error' ? 'error' : 'warning',
      objectIds: [t.objectId],
      message: `AI review: ${f.message}`,
      source: 'ai',
      ...(span ? { span } : {}),
      ...(span && f.suggestion
        ? {
            fix: {
              kind: 'replace-text' as const,
              objectId: t.objectId,
              from: f.quote,
              to: f.suggestion,
              at: span.start,
              label: `Replace with "${f.suggestion.slice(0, 150)}"`,
            },
          }
        : {}),
    },
  ];
}
