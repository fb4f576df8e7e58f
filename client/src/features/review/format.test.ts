import { describe, expect, it } from 'vitest';
import { duration, niceMax, rangeEndingToday, relativeTime, statusLabel } from './format.js';

describe('workflow formatters', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  it.each([
    ['2026-11-27T11:59:50Z', 'just now'],
    ['2026-11-27T11:50:00Z', '10 min ago'],
    ['2026-11-27T09:00:00Z', '3 h ago'],
    ['2026-11-24T12:00:00Z', '3 d ago'],
    [null, '—'],
    ['not a date', '—'],
  ])('relativeTime(%s) = %s', (iso, expected) => expect(relativeTime(iso, now)).toBe(expected));

  it.each([
    [null, '—'],
    [4_000, '4 s'],
    [5 * 60_000, '5 min'],
    [90 * 60_000, '1 h 30 min'],
    [3 * 3_600_000, '3 h'],
    [72 * 3_600_000, '3 d'],
  ])('duration(%s) = %s', (ms, expected) => expect(duration(ms)).toBe(expected));

  it.each([
    [0, 1],
    [3, 5],
    [7, 10],
    [12, 20],
    [180, 200],
    [501, 1000],
  ])('niceMax(%s) = %s', (v, expected) => expect(niceMax(v)).toBe(expected));

  it('makes an inclusive range of days ending today', () => {
    expect(rangeEndingToday(7, new Date('2026-11-27T10:00:00Z'))).toEqual({ from: '2026-11-21', to: '2026-11-27' });
  });
});

describe('statusLabel', () => {
  it.each([
    ['in_review', 'In review'],
    ['changes_requested', 'Changes requested'],
    ['draft', 'Draft'],
    ['approved', 'Approved'],
    ['on_hold', 'On hold'],
  ])('%s → %s', (status, label) => expect(statusLabel(status)).toBe(label));
});
