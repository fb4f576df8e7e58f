/** The brokerage's audit log as admins read it (routes/audit.ts; written by server/auth/audit.ts). */
import { z } from 'zod';
import { endpoint } from './contract.js';

/** One row of a brokerage's audit log as `GET /api/admin/audit` answers it. */
export const AuditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** Filters: `actor` matches an actor id or email; `action` a whole name or its first part (`design`); `before` pages by id. */
export const AuditQuerySchema = z
  .object({
    actor: z.string().trim().min(1).max(320).optional(),
    action: z
      .string()
      .trim()
      .regex(/^[a-z_]+(\.[a-z_]+)*$/, 'not an action name')
      .max(64)
      .optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    /** Entries about one design. */
    design: z
      .string()
      .trim()
      .regex(/^[0-9a-zA-Z_-]{1,64}$/, 'not a design id')
      .optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    /** `csv`: the same entries as a CSV file (up to 10,000 with `limit` raised by the route). */
    format: z.enum(['json', 'csv']).default('json'),
    before: z.coerce.number().int().min(1).optional(),
  })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const auditApi = {
  /**
   * The entries, newest first, and the `before` cursor of the next page (null on the last).
   * With `format=csv` the route sends a CSV file itself instead (text/csv, so the JSON serialiser leaves it alone).
   */
  list: endpoint({
    method: 'GET',
    path: '/api/admin/audit',
    query: AuditQuerySchema,
    response: z.object({ entries: z.array(AuditEntrySchema), next: z.number().nullable() }),
  }),
};
