/** Live scoring in every room, the brokerage-wide scan, and the AI service behind both. */
import fp from 'fastify-plugin';
import { languageModel } from '../../shared/compliance/fair-housing/language.js';
import { AiService, OpenAiProvider } from '../ai/index.js';
import { LiveAiReview } from '../ai/live-review.js';
import { ScanService, ScoringService } from '../scoring/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    scoring: ScoringService;
    scans: ScanService;
    ai: AiService;
  }
}

export const scoring = fp(
  async (app) => {
    const { config, db, log, store, rooms } = app;
    const scoring = new ScoringService({ db, store, log, publish: (score) => app.notify.design(score.designId, 'score', score) });
    rooms.use(scoring.extension());
    const ai = new AiService({
      db,
      log,
      defaultMonthlyBudgetUsd: config.AI_MONTHLY_BUDGET_USD,
      remote: config.OPENAI_API_KEY
        ? new OpenAiProvider({
            apiKey: config.OPENAI_API_KEY,
            baseURL: config.OPENAI_BASE_URL,
            reviewModel: config.OPENAI_REVIEW_MODEL,
            fastModel: config.OPENAI_FAST_MODEL,
            timeoutMs: config.OPENAI_TIMEOUT_MS,
          })
        : undefined,
    });
    // The live AI pass runs only with a model configured; without one the rule score is the whole score.
    if (ai.configured)
      scoring.enableAiReview(
        new LiveAiReview({ ai, log, debounceMs: config.AI_LIVE_DEBOUNCE_MS, onReady: (designId) => scoring.aiReady(designId) }),
      );
    // The Fair Housing language model takes ~0.4 s to load: load it once the server is up, not inside the first edit's score.
    app.addHook('onReady', async () => {
      setImmediate(() => languageModel());
    });
    const scans = new ScanService({ db, rooms, store, scoring, log, progress: (userId, p) => app.notify.user(userId, 'scan:progress', p) });
    app.decorate('scoring', scoring);
    app.decorate('scans', scans);
    app.decorate('ai', ai);
  },
  { name: 'scoring', dependencies: ['collab', 'realtime'], fastify: '5.x' },
);
