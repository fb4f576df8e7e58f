/** "Now": who is editing what in the brokerage, across all instances (routes/presence.ts; admins and brand managers). */
import { z } from 'zod';
import { endpoint } from './contract.js';

export const LivePresenceSchema = z.object({
  designs: z.array(
    z.object({
      designId: z.string(),
      title: z.string(),
      kind: z.string(),
      status: z.string(),
      /** Each person once, however many tabs or instances they are on. */
      people: z.array(z.object({ userId: z.string(), name: z.string(), readOnly: z.boolean() })),
    }),
  ),
  /** People editing anything, and the server instances they are on. */
  people: z.number(),
  instances: z.number(),
});
export type LivePresence = z.infer<typeof LivePresenceSchema>;

export const presenceApi = {
  live: endpoint({ method: 'GET', path: '/api/admin/presence', response: LivePresenceSchema }),
};
