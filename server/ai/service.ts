import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { checkText, type RulePack } from '../../shared/index.js';
import type { Db } from '../db/index.js';
import { BuiltinAiProvider, neutralise } from './builtin.js';
import {
  AiUnavailableError,
  type AiContext,
  type AiFinding,
  type AiProvider,
  type CopyItem,
  type ListingFacts,
  type Usage,
} from './types.js';

export interface AiNotice {
  code: string;
  message: string;
}

export interface AiAnswer<T> {
  provider: 'builtin' | 'openai';
  result: T;
  cached: boolean;
  /** Why the built-in assistant answered instead of the model (budget, timeout, bad output…). */
  notice?: AiNotice;
}

export interface AiServiceOptions {
  db: Db;
  log: FastifyBaseLogger;
  remote?: AiProvider;
  defaultMonthlyBudgetUsd: number;
}

type Task = 'review' | 'rewrite' | 'listing-description';

const monthStart = (now = new Date()) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));

/**
 * The AI layer's front door: the model when configured, within the brokerage's
 * monthly budget, cached by input; the built-in assistant otherwise or on any failure.
 * It never blocks or replaces the deterministic score.
 */
export class AiService {
  readonly builtin = new BuiltinAiProvider();

  constructor(private readonly opts: AiServiceOptions) {}

  get configured(): boolean {
    return Boolean(this.opts.remote);
  }

  review(ctx: AiContext, items: CopyItem[]): Promise<AiAnswer<{ findings: AiFinding[] }>> {
    return this.run('review', ctx, { items }, (p) => p.review(items, ctx));
  }

  async rewrite(ctx: AiContext, text: string, instruction: string): Promise<AiAnswer<{ text: string; notes: string }>> {
    const answer = await this.run('rewrite', ctx, { text, instruction }, (p) => p.rewrite(text, instruction, ctx));
    return { ...answer, result: { ...answer.result, text: this.enforceClean(answer.result.text, ctx) } };
  }

  async describeListing(ctx: AiContext, facts: ListingFacts): Promise<AiAnswer<{ text: string }>> {
    const answer = await this.run('listing-description', ctx, { facts }, (p) => p.describeListing(facts, ctx));
    // Checked by the rule engine before it is offered.
    return { ...answer, result: { text: this.enforceClean(answer.result.text, ctx) } };
  }

  /** What a model wrote is offered only once the rule engine finds no error in it. */
  private enforceClean(text: string, ctx: AiContext): string {
    const rulePacks = ctx.rulePacks as RulePack[];
    if (!checkText(text, { rulePacks }).findings.some((f) => f.severity === 'error')) return text;
    return neutralise(text, ctx);
  }

  async usage(brokerageId: string): Promise<{
    month: string;
    costUsd: number;
    budgetUsd: number;
    calls: number;
    cachedCalls: number;
    byTask: Array<{ task: string; calls: number; costUsd: number }>;
  }> {
    const since = monthStart();
    const { rows } = await this.opts.db.query<{ task: string; calls: number; cost: string | number; cached: number }>(
      `SELECT task, count(*)::int AS calls, COALESCE(sum(cost_usd), 0) AS cost, count(*) FILTER (WHERE cached)::int AS cached
       FROM ai_usage WHERE brokerage_id = $1 AND created_at >= $2 GROUP BY task ORDER BY task`,
      [brokerageId, since.toISOString()],
    );
    const byTask = rows.map((r) => ({ task: r.task, calls: Number(r.calls), costUsd: Number(r.cost) }));
    return {
      month: since.toISOString().slice(0, 7),
      costUsd: byTask.reduce((n, t) => n + t.costUsd, 0),
      budgetUsd: await this.budget(brokerageId),
      calls: byTask.reduce((n, t) => n + t.calls, 0),
      cachedCalls: rows.reduce((n, r) => n + Number(r.cached), 0),
      byTask,
    };
  }

  private async budget(brokerageId: string): Promise<number> {
    const { rows } = await this.opts.db.query<{ budget: string | null }>(
      "SELECT settings->>'aiMonthlyBudgetUsd' AS budget FROM brokerages WHERE id = $1",
      [brokerageId],
    );
    const set = Number(rows[0]?.budget);
    return Number.isFinite(set) && rows[0]?.budget !== null ? set : this.opts.defaultMonthlyBudgetUsd;
  }

  private async spent(brokerageId: string): Promise<number> {
    const { rows } = await this.opts.db.query<{ cost: string | number }>(
      'SELECT COALESCE(sum(cost_usd), 0) AS cost FROM ai_usage WHERE brokerage_id = $1 AND created_at >= $2',
      [brokerageId, monthStart().toISOString()],
    );
    return Number(rows[0]?.cost ?? 0);
  }

  private async run<T extends object>(
    task: Task,
    ctx: AiContext,
    input: unknown,
    call: (provider: AiProvider) => Promise<T & { usage?: Usage }>,
  ): Promise<AiAnswer<T>> {
    const remote = this.opts.remote;
    const fallback = async (notice?: AiNotice): Promise<AiAnswer<T>> => {
      const { usage: _u, ...result } = await call(this.builtin);
      return { provider: 'builtin', result: result as unknown as T, cached: false, notice };
    };
    if (!remote) return fallback();

    const key = createHash('sha256')
      .update(JSON.stringify([task, remote.name, ctx.voice ?? '', ctx.rulePacks, input]))
      .digest('hex');
    const hit = await this.opts.db.query<{ value: unknown }>('SELECT value FROM ai_cache WHERE key = $1', [key]);
    if (hit.rows[0]) {
      await this.record(ctx.brokerageId, task, remote.name, { model: 'cache', inputTokens: 0, outputTokens: 0, costUsd: 0 }, true);
      const value = typeof hit.rows[0].value === 'string' ? JSON.parse(hit.rows[0].value) : hit.rows[0].value;
      return { provider: remote.name, result: value as T, cached: true };
    }

    const [spent, budget] = await Promise.all([this.spent(ctx.brokerageId), this.budget(ctx.brokerageId)]);
    if (spent >= budget) {
      return fallback({
        code: 'budget_exhausted',
        message: `This month's AI budget ($${budget.toFixed(2)}) is used up, so the built-in assistant answered. An admin can raise the budget.`,
      });
    }

    try {
      const { usage, ...result } = await call(remote);
      if (usage) await this.record(ctx.brokerageId, task, remote.name, usage, false);
      await this.opts.db.query('INSERT INTO ai_cache (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
        key,
        JSON.stringify(result),
      ]);
      return { provider: remote.name, result: result as unknown as T, cached: false };
    } catch (err) {
      const notice =
        err instanceof AiUnavailableError
          ? { code: err.code, message: `${err.message}, so the built-in assistant answered.` }
          : { code: 'upstream_error', message: 'The AI service failed, so the built-in assistant answered.' };
      this.opts.log.warn({ err: err instanceof Error ? err.message : String(err), task }, 'AI call failed; using the built-in assistant');
      return fallback(notice);
    }
  }

  private async record(brokerageId: string, task: Task, provider: string, usage: Usage, cached: boolean): Promise<void> {
    await this.opts.db.query(
      'INSERT INTO ai_usage (brokerage_id, task, provider, model, input_tokens, output_tokens, cost_usd, cached) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [brokerageId, task, provider, usage.model, usage.inputTokens, usage.outputTokens, usage.costUsd, cached],
    );
  }
}
