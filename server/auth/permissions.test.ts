import { describe, expect, it } from 'vitest';
import {
  can,
  canChangeLocked,
  canDeleteDesign,
  canManagePerson,
  canShareDesign,
  designAccess,
  seesEveryDesign,
  type Capability,
  type Role,
} from './permissions.js';

// The matrix as a table: one row per capability, one column per role.
const CAPS: Array<[Capability, agent: boolean, brandManager: boolean, admin: boolean]> = [
  ['design.create', true, true, true],
  ['comment', true, true, true],
  ['templates.edit', false, true, true],
  ['brandKit.edit', false, true, true],
  ['design.lock', false, true, true],
  ['design.review', false, true, true],
  ['design.approve', false, true, true],
  ['people.manage', false, false, true],
  ['settings.edit', false, false, true],
  ['audit.read', false, false, true],
];

describe('capabilities by role', () => {
  it('brand managers and admins see every design of the brokerage; agents and unknown roles do not', () => {
    expect(['agent', 'brand_manager', 'admin', 'superuser'].map((role) => seesEveryDesign({ role }))).toEqual([false, true, true, false]);
  });
  for (const [cap, agent, bm, admin] of CAPS) {
    it(`${cap}: agent ${agent}, brand_manager ${bm}, admin ${admin}`, () => {
      expect(can({ role: 'agent' }, cap)).toBe(agent);
      expect(can({ role: 'brand_manager' }, cap)).toBe(bm);
      expect(can({ role: 'admin' }, cap)).toBe(admin);
      expect(can({ role: 'superuser' }, cap)).toBe(false);
    });
  }
  it('only brand managers and admins change locked objects', () => {
    expect([canChangeLocked({ role: 'agent' }), canChangeLocked({ role: 'brand_manager' }), canChangeLocked({ role: 'admin' })]).toEqual([
      false,
      true,
      true,
    ]);
  });
});

const B = 'brokerage-1';
const OTHER = 'brokerage-2';
const me = (role: Role, brokerageId = B) => ({ id: 'me', brokerageId, role });

// [who, design (relative to me), share, expected access, may share, may delete]
type Rel = 'own' | 'colleague' | 'other-brokerage';
const DESIGNS: Array<[Role, Rel, 'view' | 'edit' | null, 'edit' | 'view' | 'none', boolean, boolean]> = [
  ['agent', 'own', null, 'edit', true, true],
  ['agent', 'colleague', null, 'none', false, false],
  ['agent', 'colleague', 'view', 'view', false, false],
  ['agent', 'colleague', 'edit', 'edit', true, false],
  ['agent', 'other-brokerage', null, 'none', false, false],
  ['agent', 'other-brokerage', 'edit', 'none', false, false],
  ['brand_manager', 'own', null, 'edit', true, true],
  ['brand_manager', 'colleague', null, 'view', false, false],
  ['brand_manager', 'colleague', 'edit', 'edit', true, false],
  ['brand_manager', 'other-brokerage', null, 'none', false, false],
  ['admin', 'own', null, 'edit', true, true],
  ['admin', 'colleague', null, 'edit', true, true],
  ['admin', 'other-brokerage', null, 'none', false, false],
];

describe('design access', () => {
  for (const [role, rel, share, access, mayShare, mayDelete] of DESIGNS) {
    it(`${role} × ${rel} design${share ? ` shared ${share}` : ''} → ${access}`, () => {
      const design = { brokerageId: rel === 'other-brokerage' ? OTHER : B, ownerId: rel === 'own' ? 'me' : 'someone', share };
      expect(designAccess(me(role), design)).toBe(access);
      expect(canShareDesign(me(role), design)).toBe(mayShare);
      expect(canDeleteDesign(me(role), design)).toBe(mayDelete);
    });
  }
});

describe('managing people', () => {
  it.each([
    ['admin', B, 'them', true],
    ['admin', B, 'me', false],
    ['admin', OTHER, 'them', false],
    ['brand_manager', B, 'them', false],
    ['agent', B, 'them', false],
  ] as const)('%s managing someone of %s (%s) → %s', (role, brokerageId, who, expected) => {
    expect(canManagePerson(me(role), { id: who, brokerageId })).toBe(expected);
  });
});
