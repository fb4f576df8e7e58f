/** Brand and compliance scores of a design, and the same engine as a checking API (routes/scores.ts). */
import { z } from 'zod';
import { DesignSchema } from '../design/model.js';
import { ScoreResultSchema, TextCheckResultSchema } from '../compliance/engine.js';
import { endpoint, idParam } from './contract.js';

const DesignParams = z.object({ id: idParam('design') });

/** The design's latest score and the document update (`seq`) it was taken at. */
export const DesignScoreSchema = ScoreResultSchema.extend({ seq: z.number(), at: z.string() });

export const scoresApi = {
  current: endpoint({ method: 'GET', path: '/api/designs/:id/score', params: DesignParams, response: DesignScoreSchema }),
  /** Newest first (the last 100 stored scores: they are stored when they change). */
  history: endpoint({
    method: 'GET',
    path: '/api/designs/:id/score/history',
    params: DesignParams,
    response: z.object({
      history: z.array(
        z.object({ seq: z.number(), brand: z.number(), compliance: z.number(), blocksApproval: z.boolean(), at: z.string() }),
      ),
    }),
  }),
  /** `{text}` checks wording (no brand score); `{design}` scores a whole design against the caller's kit. */
  check: endpoint({
    method: 'POST',
    path: '/api/compliance/check',
    body: z.union([z.object({ text: z.string().max(100_000) }).strict(), z.object({ design: DesignSchema }).strict()]),
    // A design's result first: a text result has no `brand`, so it cannot pass for one.
    response: z.union([ScoreResultSchema, TextCheckResultSchema]),
  }),
};
