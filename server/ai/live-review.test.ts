import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { checkText, type ScoreResult } from '../../shared/index.js';
import type { Db } from '../db/index.js';
import { freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { FakeOpenAi, prepareAiDatabase, resetAiState, type Behaviour } from '../test-support/fake-openai.js';
import { waitFor } from '../test-support/server.js';
import { AI_RULE_ID, LiveAiReview } from './live-review.js';
import { OpenAiProvider } from './openai.js';
import { AiService } from './service.js';
import type { AiContext } from './types.js';

let openai: FakeOpenAi;
let database: TestDatabase;
let db: Db;
const log = Fastify({ logger: false }).log;
const ctx: AiContext = { brokerageId: 'b1', rulePacks: ['federal'] };

beforeAll(async () => {
  openai = await FakeOpenAi.start({ kind: 'raw', content: 'not json' });
  database = await freshPostgres();
  db = await database.open();
  await prepareAiDatabase(db);
});

afterAll(async () => {
  openai?.close();
  await database?.drop();
});

beforeEach(async () => {
  openai.reset();
  await resetAiState(db);
});

function live(timeoutMs = 2_000) {
  const ready: string[] = [];
  const ai = new AiService({
    db,
    log,
    defaultMonthlyBudgetUsd: 10,
    remote: new OpenAiProvider({
      apiKey: 'k',
      baseURL: openai.baseURL,
      reviewModel: 'gpt-4.1',
      fastModel: 'gpt-4.1-mini',
      timeoutMs,
      maxRetries: 0,
    }),
  });
  const review = new LiveAiReview({ ai, log, debounceMs: 30, onReady: (id) => ready.push(id) });
  return { review, ready };
}

/** The rule engine's result for one text object, as the scorer has it. */
function rules(text: string): ScoreResult {
  const r = checkText(text);
  return {
    brand: 100,
    compliance: r.compliance,
    blocksApproval: r.blocksApproval,
    findings: r.findings.map((f) => ({ ...f, objectIds: ['t1'], span: f.span && { ...f.span, objectId: 't1' } })),
  };
}

const copy = 'Quiet street with mature trees, a great fit for the right kind of buyer.';
const aiSays = (quote: string, severity = 'warning') => ({
  findings: [{ objectId: 't1', severity, category: 'compliance', message: 'Steering language.', quote, suggestion: 'any buyer' }],
});

describe('live AI review against an OpenAI-compatible server', () => {
  it('reviews a changed text after it settles, adds a warning with source ai that never blocks, and serves the same text from its cache', async () => {
    const { review, ready } = live();
    openai.script = [{ kind: 'ok', content: aiSays('the right kind of buyer') }];
    const base = rules(copy);
    expect(review.merge('d1', ctx, [{ objectId: 't1', text: copy }], base)).toBe(base); // nothing known yet: the rule score as is
    await waitFor(() => ready.length === 1);
    const merged = review.merge('d1', ctx, [{ objectId: 't1', text: copy }], base);
    const ai = merged.findings.filter((f) => f.source === 'ai');
    expect(ai).toEqual([
      expect.objectContaining({
        ruleId: AI_RULE_ID,
        severity: 'warning',
        objectIds: ['t1'],
        span: { objectId: 't1', start: 48, end: 71, text: 'the right kind of buyer' },
      }),
    ]);
    expect(ai[0]!.blocking).toBeUndefined();
    expect(merged.blocksApproval).toBe(base.blocksApproval);
    expect(merged.compliance).toBeLessThan(100);
    review.merge('d1', ctx, [{ objectId: 't1', text: copy }], base);
    expect(review.pending).toBe(0);
    expect(openai.requests).toHaveLength(1);
  });

  it('is an error only when a rule flags the same words, and still does not block on its own', async () => {
    const { review, ready } = live();
    const text = 'Lovely home. No kids allowed.';
    openai.script = [{ kind: 'ok', content: aiSays('No kids', 'error') }];
    review.merge('d2', ctx, [{ objectId: 't1', text }], rules(text));
    await waitFor(() => ready.length === 1);
    const ai = review.merge('d2', ctx, [{ objectId: 't1', text }], rules(text)).findings.filter((f) => f.source === 'ai');
    expect(ai.map((f) => [f.severity, f.blocking])).toEqual([['error', undefined]]);
  });

  it('debounces per object: only the text that settled is sent', async () => {
    const { review, ready } = live();
    openai.script = [{ kind: 'ok', content: { findings: [] } }];
    for (const t of ['Quiet', 'Quiet street', 'Quiet street, no through traffic.'])
      review.merge('d3', ctx, [{ objectId: 't1', text: t }], rules(t));
    await waitFor(() => openai.requests.length === 1 && review.pending === 0);
    expect(openai.requests[0]!.messages.at(-1)!.content).toContain('Quiet street, no through traffic.');
    expect(ready).toEqual([]);
  });

  it('a slow answer arrives later; meanwhile the rule score stands', async () => {
    const { review, ready } = live();
    openai.script = [{ kind: 'ok', content: aiSays('the right kind of buyer'), delayMs: 400 }];
    review.merge('d4', ctx, [{ objectId: 't1', text: copy }], rules(copy));
    await waitFor(() => openai.requests.length === 1);
    expect(review.merge('d4', ctx, [{ objectId: 't1', text: copy }], rules(copy)).findings.some((f) => f.source === 'ai')).toBe(false);
    await waitFor(() => ready.length === 1);
    expect(review.merge('d4', ctx, [{ objectId: 't1', text: copy }], rules(copy)).findings.some((f) => f.source === 'ai')).toBe(true);
  });

  it.each([
    ['a 429', [{ kind: '429' }] as Behaviour[], 2_000],
    ['bad JSON', [{ kind: 'raw', content: '{"findings": [oops' }] as Behaviour[], 2_000],
    ['output outside the schema', [{ kind: 'ok', content: { findings: [{ objectId: 't1', severity: 'fatal' }] } }] as Behaviour[], 2_000],
    ['a timeout', [{ kind: 'hang' }] as Behaviour[], 200],
  ])('after %s adds nothing and leaves the rule score as is', async (_name, behaviours, timeoutMs) => {
    const { review, ready } = live(timeoutMs);
    openai.script = behaviours;
    const base = rules(copy);
    review.merge('d5', ctx, [{ objectId: 't1', text: copy }], base);
    await waitFor(() => openai.requests.length === 1 && review.pending === 0, 5_000);
    expect(ready).toEqual([]);
    expect(review.merge('d5', ctx, [{ objectId: 't1', text: copy }], base)).toBe(base);
  });

  it('with the budget exhausted the model is not called and nothing is added', async () => {
    await db.query(`UPDATE brokerages SET settings = '{"aiMonthlyBudgetUsd": 0}'`);
    const { review, ready } = live();
    const base = rules(copy);
    review.merge('d6', ctx, [{ objectId: 't1', text: copy }], base);
    await waitFor(() => review.pending === 0);
    expect(openai.requests).toEqual([]);
    expect(ready).toEqual([]);
    expect(review.merge('d6', ctx, [{ objectId: 't1', text: copy }], base)).toBe(base);
  });

  it('ignores a quote that is not in the text', async () => {
    const { review, ready } = live();
    openai.script = [{ kind: 'ok', content: aiSays('words nobody wrote') }];
    review.merge('d7', ctx, [{ objectId: 't1', text: copy }], rules(copy));
    await waitFor(() => ready.length === 1);
    expect(review.merge('d7', ctx, [{ objectId: 't1', text: copy }], rules(copy)).findings.some((f) => f.source === 'ai')).toBe(false);
  });
});
