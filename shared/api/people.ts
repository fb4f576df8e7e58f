/** Admins: the brokerage's people and invitations; the public invitation accept flow (routes/people.ts, routes/invites.ts). */
import { z } from 'zod';
import { endpoint, idParam } from './contract.js';

export const ROLES = ['agent', 'brand_manager', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** A new password: long enough to matter, short enough to hash. */
export const NewPasswordSchema = z.string().min(10, 'use at least 10 characters').max(1024);

export const PersonSchema = z.object({
  id: z.string(),
  brokerageId: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  active: z.boolean(),
  totpEnabled: z.boolean().optional(),
  createdAt: z.string().optional(),
  lastLoginAt: z.string().nullable().optional(),
  /** The office they belong to (shared/api/offices.ts), null: none. */
  officeId: z.string().nullable().optional(),
});
export type Person = z.infer<typeof PersonSchema>;

export const InviteSchema = z.object({
  id: z.string(),
  brokerageId: z.string(),
  email: z.string(),
  role: RoleSchema,
  /** Null for the first admin of a brokerage made from the command line. */
  invitedBy: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type Invite = z.infer<typeof InviteSchema>;

/** An invitation as just made or renewed: the link (to copy) and whether it was emailed. */
const InviteWithLink = z.object({ invite: InviteSchema, token: z.string(), path: z.string(), url: z.string(), emailed: z.boolean() });

const PersonParams = z.object({ id: idParam('person') }).strict();
const InviteParams = z.object({ id: z.string().uuid('not an invitation id') }).strict();
const InviteToken = z.string().regex(/^inv1\.[\w-]{43}$/, 'not an invitation token');

export const peopleApi = {
  list: endpoint({ method: 'GET', path: '/api/people', response: z.object({ people: z.array(PersonSchema) }) }),
  /** Role change and (de)activation; an admin cannot change themself, and a brokerage keeps one active admin. */
  update: endpoint({
    method: 'PATCH',
    path: '/api/people/:id',
    params: PersonParams,
    body: z
      .object({ role: RoleSchema.optional(), active: z.boolean().optional() })
      .strict()
      .refine((b) => b.role !== undefined || b.active !== undefined, { message: 'give role or active', path: ['role'] }),
    response: z.object({ person: PersonSchema }),
  }),
  /** Turns off someone's second factor (a lost phone). */
  resetTotp: endpoint({ method: 'POST', path: '/api/people/:id/totp/reset', params: PersonParams, status: 204 }),
  /** People one can @mention: everyone active in the brokerage (names only). */
  mentionable: endpoint({
    method: 'GET',
    path: '/api/people/mentionable',
    response: z.object({ people: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })) }),
  }),
};

export const invitesApi = {
  create: endpoint({
    method: 'POST',
    path: '/api/invites',
    body: z.object({ email: z.string().trim().toLowerCase().email().max(320), role: RoleSchema }).strict(),
    response: InviteWithLink,
    status: 201,
  }),
  /** A new link for an open invitation (the old one stops working), emailed again. */
  resend: endpoint({ method: 'POST', path: '/api/invites/:id/resend', params: InviteParams, response: InviteWithLink }),
  list: endpoint({ method: 'GET', path: '/api/invites', response: z.object({ invites: z.array(InviteSchema) }) }),
  revoke: endpoint({ method: 'DELETE', path: '/api/invites/:id', params: InviteParams, status: 204 }),
  /** Public: what the accept page shows before the person chooses a password. */
  preview: endpoint({
    method: 'POST',
    path: '/api/invites/preview',
    body: z.object({ token: InviteToken }).strict(),
    response: z.object({ email: z.string(), role: RoleSchema, brokerageName: z.string(), expiresAt: z.string() }),
  }),
  /** Public: accepting creates the account (once); the person then logs in. */
  accept: endpoint({
    method: 'POST',
    path: '/api/invites/accept',
    body: z.object({ token: InviteToken, name: z.string().trim().min(1).max(200), password: NewPasswordSchema }).strict(),
    response: z.object({ user: z.object({ id: z.string(), email: z.string(), name: z.string(), role: RoleSchema }) }),
    status: 201,
  }),
};
