import { describe, expect, it } from 'vitest';
import { daysLeftLabel, isUrgent } from './license-expiry.js';

describe('license expiry words', () => {
  it('says today, tomorrow, N days, or expired', () => {
    expect(daysLeftLabel(0)).toBe('Today');
    expect(daysLeftLabel(1)).toBe('Tomorrow');
    expect(daysLeftLabel(12)).toBe('12 days');
    expect(daysLeftLabel(60)).toBe('60 days');
    expect(daysLeftLabel(-1)).toBe('Expired');
  });

  it('flags two weeks or less', () => {
    expect(isUrgent(14)).toBe(true);
    expect(isUrgent(0)).toBe(true);
    expect(isUrgent(15)).toBe(false);
  });
});
