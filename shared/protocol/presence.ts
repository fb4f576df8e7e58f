import { z } from 'zod';

/** What each client puts in its awareness state (y-protocols awareness). */
export const PresenceStateSchema = z.object({
  user: z.object({
    id: z.string().max(64),
    name: z.string().max(200),
    color: z.string().max(32),
  }),
  /** Pointer in design coordinates, or null when off the canvas. */
  cursor: z.object({ x: z.number(), y: z.number() }).nullable().optional(),
  /** Ids of the objects this client has selected. */
  selection: z.array(z.string().max(64)).max(1000).optional(),
  /** Page shown, for multi-page designs. */
  page: z.number().int().min(0).optional(),
});
export type PresenceState = z.infer<typeof PresenceStateSchema>;
