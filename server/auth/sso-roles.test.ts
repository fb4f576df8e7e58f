import { describe, expect, it } from 'vitest';
import { groupsOf, passwordAllowed, roleForGroups, RoleGroupsSchema } from './sso-roles.js';

const MAP = RoleGroupsSchema.parse({ admin: ['rb-admins'], brand_manager: ['Marketing'], agent: ['agents', 'sales-team'] });

describe('IdP group claim → role', () => {
  // [claim value, expected role]
  const CASES: Array<[unknown, string | null]> = [
    [['agents'], 'agent'],
    [['sales-team', 'unrelated'], 'agent'],
    [['Marketing'], 'brand_manager'],
    [['agents', 'Marketing'], 'brand_manager'], // the highest role wins
    [['agents', 'rb-admins', 'Marketing'], 'admin'],
    [['marketing'], null], // names are identifiers: case matters
    [['unrelated'], null],
    [[], null],
    [undefined, null],
    [null, null],
    [42, null],
    [{ agents: true }, null],
    ['agents', 'agent'], // a single string
    ['unrelated rb-admins', 'admin'], // space separated
    ['unrelated,Marketing', 'brand_manager'], // comma separated
    [['  agents '], 'agent'],
    [[1, 'agents', null], 'agent'], // non-strings ignored
  ];
  for (const [claim, role] of CASES) {
    it(`${JSON.stringify(claim)} → ${role}`, () => expect(roleForGroups(groupsOf(claim), MAP)).toBe(role));
  }

  it('an empty map gives nobody access', () => {
    expect(roleForGroups(['agents', 'rb-admins'], RoleGroupsSchema.parse({}))).toBeNull();
  });

  it('the map is validated', () => {
    expect(RoleGroupsSchema.safeParse({ owner: ['x'] }).success).toBe(false);
    expect(RoleGroupsSchema.safeParse({ agent: [''] }).success).toBe(false);
    expect(RoleGroupsSchema.safeParse({ agent: 'agents' }).success).toBe(false);
  });
});

describe('passwords in a brokerage that requires SSO', () => {
  const admin = { id: 'u-admin', role: 'admin' as const };
  const agent = { id: 'u-agent', role: 'agent' as const };
  it.each([
    ['no SSO', admin, null, true],
    ['SSO not enforced', agent, { enforced: false, breakGlassUserId: null }, true],
    ['enforced: an agent', agent, { enforced: true, breakGlassUserId: 'u-admin' }, false],
    ['enforced: the break-glass admin', admin, { enforced: true, breakGlassUserId: 'u-admin' }, true],
    ['enforced: another admin', { id: 'u-other', role: 'admin' as const }, { enforced: true, breakGlassUserId: 'u-admin' }, false],
    [
      'enforced: break-glass account no longer an admin',
      { id: 'u-admin', role: 'agent' as const },
      { enforced: true, breakGlassUserId: 'u-admin' },
      false,
    ],
    ['enforced without a break-glass account', admin, { enforced: true, breakGlassUserId: null }, false],
  ])('%s', (_what, person, sso, allowed) => expect(passwordAllowed(person, sso)).toBe(allowed));
});
