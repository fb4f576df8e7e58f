import { afterEach, describe, expect, it } from 'vitest';
import { EARLY_KEY, EARLY_MAX_AGE_MS, earlyRequests, takeEarlyResponse, type EarlyRequests } from './early-requests.js';

const g = globalThis as unknown as Record<string, EarlyRequests | undefined>;

describe('earlyRequests', () => {
  it('starts the session check on every page, and the design and brand kit on an editor URL', () => {
    expect(earlyRequests('/designs')).toEqual({ api: ['/api/auth/session'], state: null });
    expect(earlyRequests('/login')).toEqual({ api: ['/api/auth/session'], state: null });
    const editor = {
      api: ['/api/auth/session', '/api/designs/abc-123', '/api/brand-kit'],
      state: '/api/designs/abc-123/state?encoding=v2',
    };
    expect(earlyRequests('/designs/abc-123')).toEqual(editor);
    expect(earlyRequests('/designs/abc-123/')).toEqual(editor);
  });

  it('encodes the id the way the API client does', () => {
    expect(earlyRequests('/designs/a%20b').api[1]).toBe(`/api/designs/${encodeURIComponent('a b')}`);
    expect(earlyRequests('/designs/a%20b').state).toBe(`/api/designs/${encodeURIComponent('a b')}/state?encoding=v2`);
  });
});

describe('takeEarlyResponse', () => {
  afterEach(() => {
    delete g[EARLY_KEY];
  });

  const started = (at: number) => {
    const response = Promise.resolve(new Response('{}'));
    g[EARLY_KEY] = { at, responses: { '/api/auth/session': response } };
    return response;
  };

  it('hands a started GET over once', () => {
    const response = started(performance.now());
    expect(takeEarlyResponse('/api/auth/session', {})).toBe(response);
    expect(takeEarlyResponse('/api/auth/session', {})).toBeNull();
  });

  it('never answers other methods, bodies or paths', () => {
    started(performance.now());
    expect(takeEarlyResponse('/api/auth/session', { method: 'POST' })).toBeNull();
    expect(takeEarlyResponse('/api/auth/session', { body: '{}' })).toBeNull();
    expect(takeEarlyResponse('/api/designs', {})).toBeNull();
  });

  it('ignores stale responses (access can change)', () => {
    started(performance.now() - EARLY_MAX_AGE_MS - 1);
    expect(takeEarlyResponse('/api/auth/session', {})).toBeNull();
  });

  it('does nothing when the early-start script did not run (dev server, tests)', () => {
    expect(takeEarlyResponse('/api/auth/session', {})).toBeNull();
  });
});
