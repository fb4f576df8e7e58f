import { describe, expect, it } from 'vitest';
import { ssoErrorMessage, ssoStartUrl } from './sso.js';

describe('SSO on the log-in page', () => {
  it('says clearly why someone without a group was refused, and has a message for any code', () => {
    expect(ssoErrorMessage('no_matching_group')).toMatch(/not in a group that has access to RealBrand/);
    expect(ssoErrorMessage('whatever')).toBe(ssoErrorMessage('failed'));
  });
  it('keeps where to return after signing in', () => {
    expect(ssoStartUrl('/api/auth/sso/start?brokerage=b1', '/designs')).toBe('/api/auth/sso/start?brokerage=b1');
    expect(ssoStartUrl('/api/auth/sso/start?brokerage=b1', '/designs/d 1')).toBe(
      '/api/auth/sso/start?brokerage=b1&next=%2Fdesigns%2Fd%201',
    );
  });
});
