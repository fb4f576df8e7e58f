import { describe, expect, it } from 'vitest';
import {
  DEMO_BRAND_KIT,
  DesignSchema,
  instantiateTemplate,
  parseProperty,
  scoreDesign,
  mergeListing,
  mergeListingDetailed,
  RULE_ERROR_ID,
  type Listing,
} from '../../shared/index.js';
import { TEMPLATES } from '../../templates/index.js';
import { fixture } from '../test-support/reso-fixtures/index.js';

function listingFrom(name: Parameters<typeof fixture>[0]): Listing {
  const r = parseProperty(fixture(name), { timeZone: DEMO_BRAND_KIT.timeZone });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.listing;
}

const agent = { name: 'Sam Carter', phone: '(512) 555-0142', email: 'agent@demo.realbrand.test', licenseNumbers: { TX: '0654321' } };
const ctx = {
  brandKit: DEMO_BRAND_KIT,
  rulePacks: DEMO_BRAND_KIT.rulePacks,
  agents: [{ name: agent.name, licenseNumbers: agent.licenseNumbers }],
};

describe('every template merges, is a valid Design and scores without rule errors', () => {
  const listing = listingFrom('single-property');
  // Unlike the templates' sample data in every bound field, so a left-over sample shows.
  const distinct: Listing = {
    ...listing,
    listPrice: 987_654,
    previousListPrice: 1_000_000,
    bedrooms: 5,
    address: { ...listing.address, streetNumber: '9', city: 'Round Rock', postalCode: '78664' },
    publicRemarks: 'Distinct remarks.',
    openHouses: [{ start: '2025-06-15T18:00:00Z', end: '2025-06-15T20:00:00Z' }],
  };
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s', (_id, template) => {
    const base = instantiateTemplate(template, DEMO_BRAND_KIT);
    const merged = mergeListing(base, distinct, agent, {
      timeZone: DEMO_BRAND_KIT.timeZone,
      kit: DEMO_BRAND_KIT,
      licenseStates: ['TX'],
      now: Date.parse('2025-06-10T00:00:00Z'),
    });
    expect(DesignSchema.safeParse(merged).success).toBe(true);
    // Every known binding was resolved: no template sample text is left on a bound object.
    for (const o of Object.values(merged.objects)) {
      if (!o.binding) continue;
      const sample = base.objects[o.id]!;
      // (An active listing's status label reads "FOR SALE", like the sample.)
      if (o.type === 'text' && sample.type === 'text' && o.binding.startsWith('listing.') && o.binding !== 'listing.statusLabel')
        expect(o.text, o.binding).not.toBe(sample.text);
      if (o.type === 'text' && o.binding === 'listing.statusLabel') expect(o.text).toBe('FOR SALE');
      if (o.type === 'image' && o.binding.startsWith('listing.photo')) expect(o.fit).toBe('cover');
    }
    const result = scoreDesign(merged, { ...ctx, template: base });
    expect(result.findings.filter((f) => f.ruleId === RULE_ERROR_ID)).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId === 'text-overflow')).toEqual([]);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('fills the flyer and the open-house time in the brokerage time zone', () => {
    const flyer = mergeListing(
      instantiateTemplate(
        TEMPLATES.find((t) => t.id === 'open-house-flyer')!,
        DEMO_BRAND_KIT,
      ),
      listing,
      agent,
      {
        timeZone: 'America/Chicago',
        kit: DEMO_BRAND_KIT,
        now: Date.parse('2025-06-10T00:00:00Z'),
        photoSrc: (i) => `/api/listings/L1/photos/${i}`,
      },
    );
    const text = (id: string) => (flyer.objects[id] as { text: string }).text;
    expect(text('when')).toBe('Saturday, June 14 | 1:00 – 4:00 PM');
    expect(text('price')).toBe('$1,250,000');
    expect(text('facts')).toBe('4 bd | 3 ba | 2,150 sq ft');
    // The hero loads from our server (same-origin: CSP, untainted canvas); its size is the feed's.
    expect(flyer.objects.hero).toMatchObject({ src: '/api/listings/L1/photos/0', fit: 'cover', naturalWidth: 3000, naturalHeight: 2000 });
    // Change detection still compares the feed's photo URL.
    const detailed = mergeListingDetailed(
      instantiateTemplate(
        TEMPLATES.find((t) => t.id === 'open-house-flyer')!,
        DEMO_BRAND_KIT,
      ),
      listing,
      agent,
      {
        timeZone: 'America/Chicago',
        photoSrc: (i) => `/api/listings/L1/photos/${i}`,
      },
    );
    expect(detailed.values['listing.photo.0']).toBe('https://photos.example-mls.test/5551234/2.jpg');
    expect(detailed.objects.hero).toBe('/api/listings/L1/photos/0');
  });

  it('keeps a very long address inside its box on every template', () => {
    const long = {
      ...listing,
      address: {
        streetNumber: '12345',
        streetDirPrefix: 'North',
        streetName: 'Magnolia Ridge Country Estates',
        streetSuffix: 'Boulevard Extension',
        unitNumber: 'Building C Unit 2048',
        city: 'Dripping Springs',
        stateOrProvince: 'TX',
        postalCode: '78620',
      },
    };
    for (const template of TEMPLATES) {
      const base = instantiateTemplate(template, DEMO_BRAND_KIT);
      const merged = mergeListing(base, long, agent, { timeZone: 'America/Chicago', kit: DEMO_BRAND_KIT });
      const overflow = scoreDesign(merged, ctx).findings.filter((f) => f.ruleId === 'text-overflow');
      expect(overflow, template.id).toEqual([]);
    }
  });

  it('respects seller opt-outs: no online kinds without internet display; no street online without address display', () => {
    const hidden = listingFrom('no-internet');
    const post = TEMPLATES.find((t) => t.kind === 'social-post')!;
    expect(() => mergeListing(instantiateTemplate(post, DEMO_BRAND_KIT), hidden, agent, { timeZone: 'America/Chicago' })).toThrow(
      /opted out/,
    );
    const flyer = TEMPLATES.find((t) => t.id === 'listing-flyer')!;
    expect(() => mergeListing(instantiateTemplate(flyer, DEMO_BRAND_KIT), hidden, agent, { timeZone: 'America/Chicago' })).not.toThrow();

    const noAddress = listingFrom('opt-out');
    const online = mergeListing(instantiateTemplate(post, DEMO_BRAND_KIT), noAddress, agent, { timeZone: 'America/Chicago' });
    expect((online.objects.addr1 as { text: string }).text).toBe('West Lake Hills, TX');
    expect((online.objects.addr2 as { text: string }).text).toBe('');
    const print = mergeListing(instantiateTemplate(flyer, DEMO_BRAND_KIT), noAddress, agent, { timeZone: 'America/Chicago' });
    expect((print.objects.addr1 as { text: string }).text).toBe('300 Hidden Oaks Trail');
  });
});
