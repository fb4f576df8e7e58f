import { describe, expect, it } from 'vitest';
import { licensedStatesFor } from './brokerage.js';

describe('licensed states agree with the brand kit’s state packs', () => {
  it.each([
    ['nothing stored: the kit’s state packs', null, ['federal', 'TX'], ['TX']],
    ['an empty list stored: the kit’s state packs', [], ['federal', 'TX'], ['TX']],
    ['stored and kit agree', ['CA', 'NV'], ['federal', 'CA'], ['CA', 'NV']],
    ['a pack the kit dropped is dropped, a pack it gained is added', ['CA', 'NV'], ['federal', 'TX'], ['NV', 'TX']],
    ['a state without a pack is kept', ['AZ'], ['federal'], ['AZ']],
    ['federal alone and nothing stored: none', null, ['federal'], []],
  ] as const)('%s', (_what, stored, packs, expected) => {
    expect(licensedStatesFor(stored, packs)).toEqual(expected);
  });
});
