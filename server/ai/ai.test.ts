import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import type { Db } from '../db/index.js';
import { freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { FakeOpenAi, prepareAiDatabase, resetAiState } from '../test-support/fake-openai.js';
import { AiService } from './service.js';
import { OpenAiProvider } from './openai.js';
import type { AiContext } from './types.js';

let openai: FakeOpenAi;
let database: TestDatabase;
let db: Db;
const log = Fastify({ logger: false }).log;

beforeAll(async () => {
  openai = await FakeOpenAi.start();
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

const ctx: AiContext = { brokerageId: 'b1', voice: 'Warm and plain-spoken; no exclamation marks.', rulePacks: ['federal'] };

function service(timeoutMs = 2_000) {
  return new AiService({
    db,
    log,
    defaultMonthlyBudgetUsd: 10,
    remote: new OpenAiProvider({
      apiKey: 'test-key',
      baseURL: openai.baseURL,
      reviewModel: 'gpt-4.1',
      fastModel: 'gpt-4.1-mini',
      timeoutMs,
      maxRetries: 2,
    }),
  });
}

const items = [{ objectId: 'o1', role: 'description', text: 'Quiet street, ideal for mature couples.' }];

describe('OpenAI path against an OpenAI-compatible server', () => {
  it('parses structured output, sends copy as quoted data with a strict JSON schema, records usage and cost', async () => {
    openai.script = [
      {
        kind: 'ok',
        content: {
          findings: [
            {
              objectId: 'o1',
              severity: 'warning',
              category: 'compliance',
              message: 'Steers by age and familial status.',
              quote: 'ideal for mature couples',
              suggestion: 'ideal for relaxing',
            },
            { objectId: 'not-in-design', severity: 'error', category: 'compliance', message: 'Invented object', quote: '', suggestion: '' },
          ],
        },
      },
    ];
    const answer = await service().review(ctx, items);
    expect(answer.provider).toBe('openai');
    // A finding about an object we never sent is not trusted.
    expect(answer.result.findings).toEqual([expect.objectContaining({ objectId: 'o1', source: 'ai', quote: 'ideal for mature couples' })]);
    const sent = openai.requests[0]!;
    expect(sent.model).toBe('gpt-4.1');
    expect(sent.response_format?.type).toBe('json_schema');
    const user = sent.messages.find((m) => m.role === 'user')!.content;
    expect(user).toContain(JSON.stringify({ copy: items }));
    const usage = await service().usage('b1');
    expect(usage.calls).toBe(1);
    expect(usage.costUsd).toBeCloseTo((1200 * 2 + 300 * 8) / 1e6, 6);
  });

  it('serves a repeated request from the cache without calling the model', async () => {
    openai.script = [{ kind: 'ok', content: { text: 'A bright three-bedroom home near the park.' } }];
    const s = service();
    const first = await s.describeListing(ctx, { beds: 3, features: [] });
    const second = await s.describeListing(ctx, { beds: 3, features: [] });
    expect(first.cached).toBe(false);
    expect(second.cached).toBe(true);
    expect(second.result.text).toBe(first.result.text);
    expect(openai.requests).toHaveLength(1);
  });

  it('retries after a 429 and succeeds', async () => {
    openai.script = [{ kind: '429' }, { kind: 'ok', content: { text: 'Sunlit rooms and a large yard.', notes: 'ok' } }];
    const answer = await service().rewrite(ctx, 'Perfect for young families!', 'make compliant');
    expect(answer.provider).toBe('openai');
    expect(answer.result.text).toBe('Sunlit rooms and a large yard.');
    expect(openai.requests).toHaveLength(2);
  });

  it('falls back to the built-in assistant on a timeout', async () => {
    openai.script = [{ kind: 'hang' }, { kind: 'hang' }, { kind: 'hang' }];
    const answer = await service(200).review(ctx, [{ objectId: 'o1', text: 'No kids allowed!' }]);
    expect(answer.provider).toBe('builtin');
    expect(answer.notice?.code).toBe('timeout');
    expect(answer.result.findings.some((f) => f.severity === 'error' && f.source === 'builtin')).toBe(true);
  });

  it('falls back on malformed JSON from the model', async () => {
    openai.script = [{ kind: 'raw', content: '{"findings": [ this is not json' }];
    const answer = await service().review(ctx, items);
    expect(answer.provider).toBe('builtin');
    expect(answer.notice?.code).toBe('bad_output');
  });

  it('falls back on output that breaks the schema', async () => {
    openai.script = [{ kind: 'ok', content: { findings: [{ objectId: 'o1', severity: 'catastrophic' }] } }];
    const answer = await service().review(ctx, items);
    expect(answer.provider).toBe('builtin');
  });

  it('stops calling the model when the monthly budget is exhausted, with a clear message', async () => {
    await db.query(`UPDATE brokerages SET settings = '{"aiMonthlyBudgetUsd": 0.001}'`);
    await db.query(
      "INSERT INTO ai_usage (brokerage_id, task, provider, model, cost_usd) VALUES ('b1', 'review', 'openai', 'gpt-4.1', 0.002)",
    );
    const answer = await service().rewrite(ctx, 'Great for singles!', 'fix');
    expect(answer.provider).toBe('builtin');
    expect(answer.notice?.code).toBe('budget_exhausted');
    expect(answer.notice?.message).toMatch(/budget/);
    expect(openai.requests).toHaveLength(0);
  });

  it('never offers model copy that the rule engine flags as an error', async () => {
    openai.script = [{ kind: 'ok', content: { text: 'Lovely home, adults only.' } }];
    const answer = await service().describeListing(ctx, { beds: 2, features: [] });
    expect(answer.result.text).not.toMatch(/adults only/i);
  });
});

describe('built-in assistant (no OpenAI configured)', () => {
  const builtin = new AiService({ db, log, defaultMonthlyBudgetUsd: 10 });
  it('reviews copy deterministically', async () => {
    const a = await builtin.review(ctx, [{ objectId: 'x', text: 'Stunning home! No children.' }]);
    expect(a.provider).toBe('builtin');
    expect(a.result.findings.map((f) => f.category)).toEqual(expect.arrayContaining(['compliance', 'brand-voice']));
  });
  it('rewrites flagged wording neutrally', async () => {
    const a = await builtin.rewrite(ctx, 'Perfect for a couple with no kids!', 'fix');
    expect(a.result.text).not.toMatch(/no kids|couple/i);
    expect(a.result.text).not.toContain('!');
  });
  it('writes a listing description from facts', async () => {
    const a = await builtin.describeListing(ctx, {
      address: '12 Oak St',
      city: 'Austin',
      beds: 4,
      baths: 3,
      sqft: 2150,
      price: 1250000,
      features: ['a chef’s kitchen', 'a pool'],
    });
    expect(a.result.text).toContain('4-bedroom');
    expect(a.result.text).toContain('2,150');
    expect(a.result.text).toContain('$1,250,000');
  });
});
