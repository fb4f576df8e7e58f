import { describe, expect, it } from 'vitest';
import { adminMetricsApi } from './admin-metrics.js';
import { urlOf } from './contract.js';
import { templatesApi } from './templates.js';
import { thumbnailsApi } from './thumbnails.js';

describe('urlOf', () => {
  it('fills the contract’s path parameters, encoded, and leaves out an absent cache key', () => {
    expect(urlOf(thumbnailsApi.png, { params: { id: 'a b/c' } })).toBe('/api/designs/a%20b%2Fc/thumbnail.png');
  });

  it('puts the cache key and other query fields in the query string, encoded', () => {
    expect(urlOf(thumbnailsApi.png, { params: { id: 'd1' }, query: { v: '2026-12-07T10:00:00.000Z' } })).toBe(
      '/api/designs/d1/thumbnail.png?v=2026-12-07T10%3A00%3A00.000Z',
    );
    expect(urlOf(templatesApi.thumbnail, { params: { id: 'open-house' }, query: { v: '3' } })).toBe(
      '/api/templates/open-house/thumbnail.svg?v=3',
    );
    expect(urlOf(adminMetricsApi.csv, { query: { table: 'summary', from: '2026-01-01', to: '2026-01-31' } })).toBe(
      '/api/admin/metrics.csv?table=summary&from=2026-01-01&to=2026-01-31',
    );
  });

  it('refuses a path with a parameter left out', () => {
    expect(() => urlOf(thumbnailsApi.png)).toThrow(/missing path parameter id/);
  });
});
