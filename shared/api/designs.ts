/** Designs: list, create, read, rename, delete, and the document's state (routes/designs.ts). */
import { z } from 'zod';
import { DesignKindSchema } from '../design/model.js';
import { DesignStatusSchema } from '../review/state-machine.js';
import { endpoint, idParam } from './contract.js';

export const DesignIdParams = z.object({ id: idParam('design') });
export const DesignAccessSchema = z.enum(['edit', 'view', 'none']);

/** One design as lists show it. */
export const DesignSummarySchema = z.object({
  id: z.string(),
  brokerageId: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  title: z.string(),
  kind: z.string(),
  templateId: z.string().nullable(),
  templateVersion: z.number().nullable(),
  status: DesignStatusSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DesignSummary = z.infer<typeof DesignSummarySchema>;

export const DesignInfoSchema = DesignSummarySchema.extend({
  access: z.enum(['edit', 'view']),
  canLock: z.boolean(),
  /** Whether I may share it (whoever can edit). */
  canShare: z.boolean(),
});
export type DesignInfo = z.infer<typeof DesignInfoSchema>;

export const designsApi = {
  /** My designs and those shared with me (`scope=brokerage`: every design I may review), each with my access. */
  list: endpoint({
    method: 'GET',
    path: '/api/designs',
    query: z.object({ scope: z.enum(['mine', 'brokerage']).optional() }),
    response: z.object({ designs: z.array(DesignSummarySchema.extend({ access: DesignAccessSchema })) }),
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/designs',
    body: z.object({
      title: z.string().trim().min(1).max(200),
      templateId: z.string().min(1).max(100).optional(),
      kind: DesignKindSchema.optional(),
      listingId: z
        .string()
        .regex(/^[0-9a-zA-Z_-]{1,64}$/, 'not a listing id')
        .optional(),
    }),
    response: z.object({ id: z.string() }),
    status: 201,
  }),
  get: endpoint({ method: 'GET', path: '/api/designs/:id', params: DesignIdParams, response: DesignInfoSchema }),
  /** The document as one binary Yjs update (`encoding=v2`: Yjs's second update encoding, what the editor asks for). */
  state: endpoint({
    method: 'GET',
    path: '/api/designs/:id/state',
    params: DesignIdParams,
    query: z.object({ encoding: z.enum(['v1', 'v2']).default('v1') }),
  }),
  rename: endpoint({
    method: 'PATCH',
    path: '/api/designs/:id',
    params: DesignIdParams,
    body: z.object({ title: z.string().trim().min(1).max(200) }),
    response: z.object({ id: z.string(), title: z.string() }),
  }),
  remove: endpoint({ method: 'DELETE', path: '/api/designs/:id', params: DesignIdParams, status: 204 }),
};
