/**
 * The app's navigation as data: one array, read by the header (wide screens)
 * and the menu (narrow screens). A new page adds one entry here.
 */
import type { Role } from './api.js';

export interface NavItem {
  to: string;
  label: string;
  /** Who sees it; everyone when absent. */
  roles?: readonly Role[];
  /** Active only on exactly this path (not on its sub-paths). */
  end?: boolean;
}

const MANAGERS: readonly Role[] = ['brand_manager', 'admin'];

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/designs', label: 'Designs', end: true },
  { to: '/listings', label: 'Listings' },
  { to: '/brandguide', label: 'Brand guide' },
  { to: '/brand-kit', label: 'Brand kit' },
  { to: '/compliance', label: 'Compliance', roles: MANAGERS },
  { to: '/reviews', label: 'Reviews', roles: MANAGERS },
  { to: '/admin', label: 'Dashboard', roles: MANAGERS, end: true },
  { to: '/admin/people', label: 'People', roles: ['admin'] },
];

/** The entries a role sees, in order. */
export function navFor(role: Role, items: readonly NavItem[] = NAV_ITEMS): NavItem[] {
  return items.filter((i) => !i.roles || i.roles.includes(role));
}

/** The test id of an entry's link ('/brand-kit' → 'nav-brand-kit', '/admin/people' → 'nav-admin-people'). */
export function navTestId(item: Pick<NavItem, 'to'>): string {
  return `nav-${item.to.slice(1).replace(/\//g, '-')}`;
}
