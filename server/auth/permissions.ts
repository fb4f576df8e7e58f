/**
 * The authorisation matrix: the one place that says who may do what.
 *
 * Pure and synchronous (no I/O): callers look up the facts (the design's
 * brokerage and owner, any share) and ask here. REST routes, the collaboration
 * guard and the socket access check all go through these functions; the table
 * test in permissions.test.ts pins every cell.
 */

import { ROLES, type Role } from '../repos/types.js';

export { ROLES, type Role };

/** Brokerage-wide capabilities (not about one design). */
export const CAPABILITIES = [
  'design.create',
  'comment',
  'templates.edit',
  'brandKit.edit',
  'design.lock', // lock/unlock objects, change locked objects
  'design.review', // open (read-only) and review any design in the brokerage
  'design.approve',
  'people.manage', // invite, change roles, deactivate
  'settings.edit',
  'audit.read',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const MATRIX: Record<Role, ReadonlySet<Capability>> = {
  agent: new Set<Capability>(['design.create', 'comment']),
  brand_manager: new Set<Capability>([
    'design.create',
    'comment',
    'templates.edit',
    'brandKit.edit',
    'design.lock',
    'design.review',
    'design.approve',
  ]),
  admin: new Set<Capability>(CAPABILITIES),
};

export interface Actor {
  id: string;
  brokerageId: string;
  role: Role | string;
}

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

/** Whether `actor` holds a brokerage-wide capability. Unknown roles hold nothing. */
export function can(actor: Pick<Actor, 'role'>, capability: Capability): boolean {
  return isRole(actor.role) && MATRIX[actor.role].has(capability);
}

export type DesignAccess = 'edit' | 'view' | 'none';

export interface DesignFacts {
  brokerageId: string;
  ownerId: string;
  /** The actor's share of this design, if any. */
  share?: 'view' | 'edit' | null;
}

/**
 * What `actor` may do with one design: edit, view (read-only), or nothing.
 * Another brokerage's design is always 'none' (callers answer 404 / close 4403).
 */
export function designAccess(actor: Actor, design: DesignFacts): DesignAccess {
  if (actor.brokerageId !== design.brokerageId || !isRole(actor.role)) return 'none';
  if (actor.role === 'admin') return 'edit';
  if (design.ownerId === actor.id) return 'edit';
  if (design.share === 'edit') return 'edit';
  if (design.share === 'view') return 'view';
  if (can(actor, 'design.review')) return 'view';
  return 'none';
}

/** Whether `actor` sees every design of their brokerage (admins, and whoever may review), not only their own and shared ones. */
export function seesEveryDesign(actor: Pick<Actor, 'role'>): boolean {
  return isRole(actor.role) && (actor.role === 'admin' || can(actor, 'design.review'));
}

/** Who may share a design with others: whoever can edit it (owner, admin, an edit share). */
export function canShareDesign(actor: Actor, design: DesignFacts): boolean {
  return designAccess(actor, design) === 'edit';
}

/** Only the owner or an admin deletes a design. */
export function canDeleteDesign(actor: Actor, design: DesignFacts): boolean {
  return actor.brokerageId === design.brokerageId && (design.ownerId === actor.id || actor.role === 'admin');
}

/** Renaming is editing. */
export function canRenameDesign(actor: Actor, design: DesignFacts): boolean {
  return designAccess(actor, design) === 'edit';
}

/** Lock/unlock objects and change locked objects (in a design the actor can edit). */
export function canChangeLocked(actor: Pick<Actor, 'role'>): boolean {
  return can(actor, 'design.lock');
}

/** Admins manage people of their own brokerage; nobody changes their own role or deactivates themselves. */
export function canManagePerson(actor: Actor, target: { id: string; brokerageId: string }): boolean {
  return can(actor, 'people.manage') && actor.brokerageId === target.brokerageId && actor.id !== target.id;
}
