/**
 * Single sign-on's rules that need no I/O: which of our roles an IdP's group claim gives,
 * and whether a password log-in is allowed for a person of a brokerage that enforces SSO.
 */
import type { RoleGroups } from '../../shared/api/sso.js';
import type { Role } from '../repos/types.js';

export { RoleGroupsSchema, type RoleGroups } from '../../shared/api/sso.js';

/** Highest first. */
const BY_RANK: readonly Role[] = ['admin', 'brand_manager', 'agent'];

/**
 * The groups a claim value names. IdPs send an array of strings (Okta, Keycloak, Entra ID),
 * a single string, or a space/comma separated string; anything else names no group.
 */
export function groupsOf(claim: unknown): string[] {
  if (Array.isArray(claim))
    return claim
      .filter((g): g is string => typeof g === 'string')
      .map((g) => g.trim())
      .filter(Boolean);
  if (typeof claim === 'string') return claim.split(/[\s,]+/).filter(Boolean);
  return [];
}

/** Our role for these groups (exact, case-sensitive match: IdP group names are identifiers), or null: no access. */
export function roleForGroups(groups: readonly string[], map: RoleGroups): Role | null {
  const mine = new Set(groups);
  for (const role of BY_RANK) if (map[role].some((g) => mine.has(g))) return role;
  return null;
}

/** Whether a person may use their password: always, unless their brokerage enforces SSO and they are not its break-glass admin. */
export function passwordAllowed(
  person: { id: string; role: Role },
  sso: { enforced: boolean; breakGlassUserId: string | null } | null,
): boolean {
  if (!sso?.enforced) return true;
  return person.id === sso.breakGlassUserId && person.role === 'admin';
}
