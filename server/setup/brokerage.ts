import { randomBytes, randomUUID } from 'node:crypto';
import { BrandKitSchema, DEMO_BRAND_KIT, RULE_PACKS, type BrandKit, type RulePack } from '../../shared/index.js';
import type { BrokerageBasics } from '../../shared/api/setup.js';
import { sha256 } from '../auth/service.js';
import type { Queryable } from '../db/index.js';
import { AppError } from '../errors.js';
import { recordAgentOnboarded } from '../events/index.js';
import { BrokerageRepository, InviteRepository, UserRepository } from '../repos/index.js';

/** US states and territories (shared/api/profile.ts: profiles' licenses use them too). */
export { StateSchema, US_STATES } from '../../shared/api/profile.js';

/** The setup form's schemas (shared/api/setup.ts: the setup route takes them). */
export { BASIC_FONTS, BrandBasicsSchema, BrokerageBasicsSchema, type BrandBasics, type BrokerageBasics } from '../../shared/api/setup.js';

/** The compliance packs that apply: federal always, plus a pack for each licensed state that has one. */
export function rulePacksFor(states: readonly string[]): RulePack[] {
  return ['federal', ...RULE_PACKS.filter((p) => p !== 'federal' && states.includes(p))];
}

/**
 * The licensed states as admins see them, agreeing with the brand kit (what the checks use): the stored
 * states whose pack the kit does not have are dropped, unless that state has no pack at all; every state
 * pack in the kit is ticked. With nothing stored (the demo seed, brokerages older than setup) the kit's
 * state packs are the answer. Sorted.
 */
export function licensedStatesFor(stored: readonly string[] | null, kitPacks: readonly string[]): string[] {
  const hasPack = (s: string) => (RULE_PACKS as readonly string[]).includes(s);
  const kept = (stored ?? []).filter((s) => !hasPack(s) || kitPacks.includes(s));
  const fromKit = kitPacks.filter((p) => p !== 'federal' && hasPack(p));
  return [...new Set([...kept, ...fromKit])].sort();
}

/** A first brand kit from the setup's basics: the palette, the fonts, the EHO mark and a general disclaimer (brand managers refine it later). */
export function brandKitFromBasics(basics: BrokerageBasics): BrandKit {
  const palette = [{ name: 'Primary', hex: basics.brand.primaryColor.toLowerCase() }];
  if (basics.brand.secondaryColor) palette.push({ name: 'Secondary', hex: basics.brand.secondaryColor.toLowerCase() });
  palette.push({ name: 'Ink', hex: '#1a202c' }, { name: 'Paper', hex: '#ffffff' });
  return BrandKitSchema.parse({
    brokerageLegalName: basics.brand.legalName ?? basics.name,
    palette,
    fonts: [
      { family: basics.brand.headingFont, role: 'heading', minSize: 18, weights: [600, 700] },
      { family: basics.brand.bodyFont, role: 'body', minSize: 11, weights: [400, 600] },
      { family: basics.brand.bodyFont, role: 'disclaimer', minSize: 8, weights: [400] },
    ],
    logos: [],
    ehoMark: DEMO_BRAND_KIT.ehoMark,
    disclaimers: [{ id: 'general', text: 'Information deemed reliable but not guaranteed. Equal Housing Opportunity.', pack: 'federal' }],
    rulePacks: rulePacksFor(basics.licensedStates),
    timeZone: DEMO_BRAND_KIT.timeZone,
  });
}

/** Creates a brokerage (brand kit from its basics, licensed states in its settings). */
export async function createBrokerage(db: Queryable, basics: BrokerageBasics): Promise<{ id: string; name: string }> {
  const id = randomUUID();
  await new BrokerageRepository(db).create({ id, name: basics.name, brandKit: brandKitFromBasics(basics) });
  await db.query('UPDATE brokerages SET settings = settings || $2::jsonb WHERE id = $1', [
    id,
    JSON.stringify({ licensedStates: basics.licensedStates }),
  ]);
  return { id, name: basics.name };
}

/** An invitation made by the system (the command line), for the first admin of a new brokerage. Answers the token. */
export async function inviteFirstAdmin(db: Queryable, brokerageId: string, email: string): Promise<{ token: string; expiresAt: Date }> {
  const token = `inv1.${randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000);
  // invites.invited_by names a person; the first one has nobody to name, so the column is nullable for system invitations (migration 081).
  await new InviteRepository(db).create({
    id: randomUUID(),
    brokerageId,
    email: email.toLowerCase(),
    role: 'admin',
    tokenHash: sha256(token),
    invitedBy: null,
    expiresAt,
  });
  return { token, expiresAt };
}

/** The first admin with a password (web setup). */
export async function createFirstAdmin(db: Queryable, brokerageId: string, admin: { name: string; email: string; passwordHash: string }) {
  const users = new UserRepository(db);
  if (await users.emailTaken(admin.email))
    throw new AppError(409, 'already_member', 'admin.email: someone already has an account with this email', {
      fields: [{ field: 'admin.email', message: 'already has an account' }],
    });
  const user = await users.create({
    id: randomUUID(),
    brokerageId,
    email: admin.email,
    name: admin.name,
    role: 'admin',
    passwordHash: admin.passwordHash,
  });
  await recordAgentOnboarded(db, { brokerageId, userId: user.id, name: user.name, role: user.role, via: 'admin' });
  return user;
}
