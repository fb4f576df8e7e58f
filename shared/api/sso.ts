/** Single sign-on: discovery for the log-in page and the admin's connection settings (routes/sso.ts). */
import { z } from 'zod';
import { endpoint } from './contract.js';

/** Groups (as the IdP names them) per role; a person gets the highest role any of their groups maps to. */
export const RoleGroupsSchema = z
  .object({
    admin: z.array(z.string().trim().min(1).max(256)).max(50).default([]),
    brand_manager: z.array(z.string().trim().min(1).max(256)).max(50).default([]),
    agent: z.array(z.string().trim().min(1).max(256)).max(50).default([]),
  })
  .strict();
export type RoleGroups = z.infer<typeof RoleGroupsSchema>;

const EmailSchema = z.string().trim().toLowerCase().email().max(320);
const DomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a domain like example.com');

/** What an admin saves. */
export const SsoSettingsInputSchema = z
  .object({
    issuer: z.string().trim().min(1).max(500),
    clientId: z.string().trim().min(1).max(500),
    /** Omitted: keep the stored one (required the first time). */
    clientSecret: z.string().min(1).max(2000).optional(),
    groupsClaim: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[\w:./-]+$/, 'a claim name')
      .default('groups'),
    roleGroups: RoleGroupsSchema,
    enforced: z.boolean().default(false),
    breakGlassUserId: z.string().trim().min(1).max(100).nullable().default(null),
    domains: z.array(DomainSchema).max(20).default([]),
  })
  .strict();
export type SsoSettingsInput = z.output<typeof SsoSettingsInputSchema>;

/** What admins see of a connection (never the secret). */
export const SsoSettingsSchema = z.object({
  configured: z.boolean(),
  issuer: z.string().nullable(),
  clientId: z.string().nullable(),
  hasSecret: z.boolean(),
  groupsClaim: z.string(),
  roleGroups: z.object({ admin: z.array(z.string()), brand_manager: z.array(z.string()), agent: z.array(z.string()) }),
  enforced: z.boolean(),
  breakGlassUserId: z.string().nullable(),
  domains: z.array(z.string()),
  /** Register this at the provider as the redirect (callback) URI. */
  redirectUri: z.string(),
  /** A link that starts SSO for this brokerage (for people whose email domain is not listed). */
  loginUrl: z.string(),
  /** Candidates for the break-glass account: the brokerage's active admins. */
  admins: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })),
});
export type SsoSettings = z.infer<typeof SsoSettingsSchema>;

export const ssoApi = {
  /** Public: which brokerage signs this email (by domain) or this brokerage in, and where to start. */
  discover: endpoint({
    method: 'POST',
    path: '/api/auth/sso/discover',
    body: z.union([z.object({ email: EmailSchema }).strict(), z.object({ brokerageId: z.string().trim().min(1).max(100) }).strict()]),
    response: z.object({ brokerageId: z.string(), brokerageName: z.string(), startUrl: z.string() }),
  }),
  settings: endpoint({ method: 'GET', path: '/api/admin/sso', response: SsoSettingsSchema }),
  save: endpoint({ method: 'PUT', path: '/api/admin/sso', body: SsoSettingsInputSchema, response: SsoSettingsSchema }),
  remove: endpoint({ method: 'DELETE', path: '/api/admin/sso', status: 204 }),
};
