import { describe, expect, it } from 'vitest';
import { AGENT_BINDINGS, LISTING_TEXT_BINDINGS } from '../../../../shared/listing/merge.js';
import { bindingLabel } from './api.js';

describe('bindingLabel', () => {
  it.each([...LISTING_TEXT_BINDINGS, ...AGENT_BINDINGS])('%s reads as words, not as an internal key', (binding) => {
    const label = bindingLabel(binding);
    expect(label).not.toMatch(/\./);
    expect(label).not.toMatch(/[a-z][A-Z]/); // no camelCase key
    expect(label).toMatch(/^[A-Z]/);
  });

  it('names the status field "Status" and photos by their number', () => {
    expect(bindingLabel('listing.statusLabel')).toBe('Status');
    expect(bindingLabel('listing.photo.0')).toBe('Main photo');
    expect(bindingLabel('listing.photo.2')).toBe('Photo 3');
    expect(bindingLabel('listing.LotSizeArea')).toBe('Lot size area');
  });
});
