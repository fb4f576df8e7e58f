import { BrandKitSchema, type BrandKit } from '../../shared/index.js';

/**
 * A second brokerage's kit, deliberately unlike the demo one: other palette
 * names, a lighter accent, different fonts, a longer legal name, several
 * disclaimers and no `general` one, a logo with another id.
 */
export const ALT_KIT: BrandKit = BrandKitSchema.parse({
  brokerageLegalName: 'Harborview Coastal Properties Group, Inc.',
  palette: [
    { name: 'Evergreen', hex: '#1d4d3a' },
    { name: 'Terracotta', hex: '#b5523b' },
    { name: 'Charcoal', hex: '#333a3f' },
    { name: 'Sand', hex: '#f4efe6' },
    { name: 'Sage', hex: '#8fae92' },
  ],
  fonts: [
    { family: 'Playfair Display', role: 'heading', minSize: 18, weights: [500, 700] },
    { family: 'Lato', role: 'body', minSize: 11, weights: [400, 700] },
    { family: 'Lato', role: 'disclaimer', minSize: 8, weights: [400] },
  ],
  logos: [{ id: 'wordmark', name: 'Wordmark', src: '/brand/harborview.svg', aspect: 4, minWidth: 140, clearSpace: 0.3 }],
  ehoMark: { src: '/brand/harborview-eho.svg', severity: 'warning' },
  disclaimers: [
    {
      id: 'mls',
      text: 'Listing information is provided by the MLS and is deemed reliable but not guaranteed; buyers should verify all facts.',
      pack: 'federal',
    },
    { id: 'ca-dre', text: 'Harborview Coastal Properties Group, Inc. DRE #01234567.', pack: 'CA' },
    { id: 'tx-only', text: 'Texas notice that does not apply to this kit.', pack: 'TX' },
  ],
  rulePacks: ['federal', 'CA'],
  timeZone: 'America/Los_Angeles',
});
