import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCapability } from '../auth/access.js';
import { UserRepository, type Db } from '../repos/index.js';
import { notFound } from '../errors.js';
import { StateSchema } from '../setup/index.js';
import { parse } from '../validation.js';
import { requireUser } from './context.js';

const Text = (max: number) => z.string().trim().max(max);
const HttpsUrl = z
  .string()
  .trim()
  .max(500)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'an http(s) link');
/** A headshot: one of our assets (uploaded, cropped square in the browser) or left empty. */
const AssetSrc = z
  .string()
  .trim()
  .max(300)
  .regex(/^\/api\/assets\/[\w.-]+$/, 'an uploaded image');

/** What materials show about a person (users.profile). `licenseNumbers` is derived for the merge and the compliance checks. */
export const ProfileSchema = z
  .object({
    displayName: Text(120).min(1),
    title: Text(120).default(''),
    headshot: AssetSrc.or(z.literal('')).default(''),
    phones: z
      .array(
        z
          .object({
            label: Text(30).default(''),
            number: Text(40)
              .min(3)
              .regex(/^[0-9+().\s-]+$/, 'digits, spaces, + ( ) - .'),
          })
          .strict(),
      )
      .max(3)
      .default([]),
    /** Email shown on materials (may differ from the sign-in email). */
    email: z.string().trim().toLowerCase().email().max(320).or(z.literal('')).default(''),
    licenses: z
      .array(
        z
          .object({
            state: StateSchema,
            number: Text(40).min(1),
            expiresOn: z
              .string()
              .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date (YYYY-MM-DD)')
              .or(z.literal(''))
              .default(''),
          })
          .strict(),
      )
      .max(10)
      .refine((l) => new Set(l.map((x) => x.state)).size === l.length, 'one license per state')
      .default([]),
    designations: z.array(Text(20).min(1)).max(12).default([]),
    social: z
      .object({
        website: HttpsUrl.optional(),
        facebook: HttpsUrl.optional(),
        instagram: HttpsUrl.optional(),
        linkedin: HttpsUrl.optional(),
        x: HttpsUrl.optional(),
      })
      .strict()
      .default({}),
  })
  .strict();
export type Profile = z.infer<typeof ProfileSchema>;

const IdParamsSchema = z.object({ id: z.string().regex(/^[0-9a-zA-Z_-]{1,64}$/, 'not a person id') }).strict();

/** The stored profile as the page shows it (older profiles had `phone` and `licenseNumbers` only). */
export function readProfile(raw: unknown, fallback: { name: string }): Profile {
  const p = (typeof raw === 'string' ? JSON.parse(raw) : (raw ?? {})) as Record<string, unknown>;
  const numbers = (p.licenseNumbers && typeof p.licenseNumbers === 'object' ? p.licenseNumbers : {}) as Record<string, unknown>;
  const licenses = Array.isArray(p.licenses)
    ? p.licenses
    : Object.entries(numbers)
        .filter(([s, n]) => StateSchema.safeParse(s).success && typeof n === 'string')
        .map(([state, number]) => ({ state, number, expiresOn: '' }));
  const phones = Array.isArray(p.phones) ? p.phones : typeof p.phone === 'string' && p.phone ? [{ label: 'Office', number: p.phone }] : [];
  const parsed = ProfileSchema.safeParse({
    displayName: typeof p.displayName === 'string' && p.displayName.trim() ? p.displayName : fallback.name,
    title: p.title,
    headshot: p.headshot ?? p.photo,
    phones,
    email: p.email,
    licenses,
    designations: p.designations,
    social: p.social,
  });
  return parsed.success ? parsed.data : ProfileSchema.parse({ displayName: fallback.name });
}

/** The stored form: the profile plus the fields older readers use (phone, photo, licenseNumbers). */
function storedProfile(p: Profile): Record<string, unknown> {
  return {
    ...p,
    phone: p.phones[0]?.number ?? '',
    photo: p.headshot,
    licenseNumbers: Object.fromEntries(p.licenses.map((l) => [l.state, l.number])),
  };
}

/** `My profile` for everyone; admins read and edit anyone's in their brokerage. */
export function registerProfileRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const users = new UserRepository(deps.db);
  async function load(brokerageId: string, userId: string) {
    const row = await users.profile(brokerageId, userId);
    if (!row) throw notFound('Person');
    return { accountEmail: row.email, profile: readProfile(row.profile, row) };
  }
  async function save(brokerageId: string, userId: string, profile: Profile) {
    if (!(await users.saveProfile(brokerageId, userId, storedProfile(profile), profile.displayName))) throw notFound('Person');
  }

  app.get('/api/profile', async (req) => {
    const user = requireUser(req);
    return load(user.brokerageId, user.id);
  });

  app.put('/api/profile', async (req) => {
    const user = requireUser(req);
    const profile = parse(ProfileSchema, req.body);
    await save(user.brokerageId, user.id, profile);
    void req.server.audit.record({
      brokerageId: user.brokerageId,
      actorId: user.id,
      actorEmail: user.email,
      action: 'profile.updated',
      targetType: 'user',
      targetId: user.id,
      ip: req.ip,
    });
    return load(user.brokerageId, user.id);
  });

  app.get('/api/people/:id/profile', async (req) => {
    const admin = requireCapability(req, 'people.manage');
    const { id } = parse(IdParamsSchema, req.params, 'id');
    return load(admin.brokerageId, id);
  });

  app.put('/api/people/:id/profile', async (req) => {
    const admin = requireCapability(req, 'people.manage');
    const { id } = parse(IdParamsSchema, req.params, 'id');
    const profile = parse(ProfileSchema, req.body);
    await save(admin.brokerageId, id, profile);
    void req.server.audit.record({
      brokerageId: admin.brokerageId,
      actorId: admin.id,
      actorEmail: admin.email,
      action: 'profile.updated',
      targetType: 'user',
      targetId: id,
      details: { by: 'admin' },
      ip: req.ip,
    });
    return load(admin.brokerageId, id);
  });
}
