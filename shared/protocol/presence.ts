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

const COLORS = ['#e0604e', '#2f80ed', '#27ae60', '#9b51e0', '#f2994a', '#00a3a3', '#d6336c', '#5c7cfa', '#b7791f', '#0f766e'];

/** A stable colour per user id (the server sets it in every presence state; clients draw it). */
export function userColor(id: string): string {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return COLORS[h % COLORS.length]!;
}
