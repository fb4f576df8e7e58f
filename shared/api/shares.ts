/** Sharing a design with people of the same brokerage (routes/shares.ts). */
import { z } from 'zod';
import { endpoint, idParam } from './contract.js';

export const ShareAccessSchema = z.enum(['view', 'edit']);
export const DesignShareSchema = z.object({
  designId: z.string(),
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  access: ShareAccessSchema,
  /** In lists: who shared it, and when. */
  sharedBy: z.string().optional(),
  createdAt: z.string().optional(),
});
export type DesignShare = z.infer<typeof DesignShareSchema>;

const DesignParams = z.object({ id: idParam('design') }).strict();

export const sharesApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/designs/:id/shares',
    params: DesignParams,
    response: z.object({ shares: z.array(DesignShareSchema) }),
  }),
  /** Adds or changes one person's access (by their email in the brokerage). */
  share: endpoint({
    method: 'POST',
    path: '/api/designs/:id/shares',
    params: DesignParams,
    body: z.object({ email: z.string().trim().toLowerCase().email().max(320), access: ShareAccessSchema }).strict(),
    response: z.object({ share: DesignShareSchema }),
    status: 201,
  }),
  unshare: endpoint({
    method: 'DELETE',
    path: '/api/designs/:id/shares/:userId',
    params: z.object({ id: idParam('design'), userId: idParam('user') }).strict(),
    status: 204,
  }),
};
