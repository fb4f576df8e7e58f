import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireCapability } from '../auth/access.js';
import { UserRepository, type Db } from '../repos/index.js';
import { notFound } from '../errors.js';
import { profileApi, ProfileSchema, StateSchema, type Profile } from '../../shared/api/profile.js';
import { route } from './endpoint.js';
import { requireUser } from './context.js';

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

  const manager = (req: FastifyRequest) => requireCapability(req, 'people.manage');

  route(app, profileApi.mine, { auth: requireUser }, async (_req, _reply, user) => load(user.brokerageId, user.id));

  route(app, profileApi.saveMine, { auth: requireUser }, async (req, _reply, user) => {
    const profile = req.body;
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

  route(app, profileApi.get, { auth: manager }, async (req, _reply, admin) => load(admin.brokerageId, req.params.id));

  route(app, profileApi.save, { auth: manager }, async (req, _reply, admin) => {
    const { id } = req.params;
    const profile = req.body;
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
