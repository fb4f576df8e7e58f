import { describe, expect, it } from 'vitest';
import { NAV_ITEMS, navFor, navTestId } from './nav.js';

describe('navigation', () => {
  it('agents see designs, listings and the brand pages; managers also compliance, reviews and the dashboard; admins also people', () => {
    expect(navFor('agent').map((i) => i.to)).toEqual(['/designs', '/listings', '/brandguide', '/brand-kit']);
    expect(navFor('brand_manager').map((i) => i.to)).toEqual([
      '/designs',
      '/listings',
      '/brandguide',
      '/brand-kit',
      '/compliance',
      '/reviews',
      '/admin',
    ]);
    expect(navFor('admin').map((i) => i.to)).toEqual([...navFor('brand_manager').map((i) => i.to), '/admin/people']);
  });

  it('every entry has a unique path and test id', () => {
    expect(new Set(NAV_ITEMS.map((i) => i.to)).size).toBe(NAV_ITEMS.length);
    expect(navTestId({ to: '/brand-kit' })).toBe('nav-brand-kit');
    expect(navTestId({ to: '/admin/people' })).toBe('nav-admin-people');
  });
});
