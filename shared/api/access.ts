/** Asking a design's owner for access, and granting it in one click (routes/access-requests.ts). */
import { z } from 'zod';
import { endpoint, idParam } from './contract.js';
import { ShareAccessSchema } from './shares.js';

/** What someone of the brokerage may know about a design they open. */
export const DesignAccessInfoSchema = z.object({
  access: z.enum(['edit', 'view', 'none']),
  ownerName: z.string(),
  /** Their open request, when they asked already. */
  pending: z.object({ id: z.string(), access: ShareAccessSchema }).nullable(),
});
export type DesignAccessInfo = z.infer<typeof DesignAccessInfoSchema>;

export const AccessRequestSchema = z.object({
  id: z.string(),
  designId: z.string(),
  requesterId: z.string(),
  requesterName: z.string(),
  requesterEmail: z.string(),
  access: ShareAccessSchema,
  message: z.string().nullable(),
  status: z.enum(['pending', 'granted']),
  createdAt: z.string(),
});
export type AccessRequest = z.infer<typeof AccessRequestSchema>;

const DesignParams = z.object({ id: idParam('design') }).strict();

export const accessApi = {
  /** Same brokerage: my access (maybe none), the owner's name, my open request. Otherwise 404. */
  info: endpoint({ method: 'GET', path: '/api/designs/:id/access', params: DesignParams, response: DesignAccessInfoSchema }),
  ask: endpoint({
    method: 'POST',
    path: '/api/designs/:id/access-requests',
    params: DesignParams,
    body: z.object({ access: ShareAccessSchema, message: z.string().trim().max(500).nullable().default(null) }).strict(),
    response: z.object({ request: z.object({ id: z.string(), access: ShareAccessSchema }) }),
    status: 201,
  }),
  pending: endpoint({
    method: 'GET',
    path: '/api/designs/:id/access-requests',
    params: DesignParams,
    response: z.object({ requests: z.array(AccessRequestSchema) }),
  }),
  grant: endpoint({
    method: 'POST',
    path: '/api/access-requests/:id/grant',
    params: z.object({ id: z.string().uuid('not a request id') }).strict(),
    body: z.object({ access: ShareAccessSchema }).strict(),
    response: z.object({ request: AccessRequestSchema }),
  }),
};
