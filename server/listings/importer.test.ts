import { describe, expect, it } from 'vitest';
import { parsePayload, payloadRecords, parseProperty } from '../../shared/listing/index.js';
import { fixture } from '../test-support/reso-fixtures/index.js';

describe('RESO fixtures', () => {
  it('single Property: parts address, media order with preferred first, only advertisable photos, lookups, open houses', () => {
    const r = parseProperty(fixture('single-property'), { timeZone: 'America/Chicago' });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const l = r.listing;
    expect(l).toMatchObject({
      listingKey: '3yd-ACTRIS-5551234',
      status: 'Active',
      listPrice: 1250000,
      bedrooms: 4,
      bathrooms: 3,
      livingArea: 2150,
      livingAreaUnits: 'sq ft',
    });
    expect(l.photos.map((p) => p.url.split('/').pop())).toEqual(['2.jpg', '1.jpg', '3.jpg']);
    expect(l.photos[0]).toMatchObject({ preferred: true, width: 3000, height: 2000 });
    expect(l.features).toMatchObject({
      InteriorFeatures: ['Ceiling Fans', 'Kitchen Island', 'Open Floorplan'],
      Appliances: ['Dishwasher', 'Gas Range', 'Refrigerator'],
    });
    expect(l.propertySubType).toBe('Single Family Residence');
    // The canceled one is dropped; the local-time one is read in Chicago time; sorted.
    expect(l.openHouses.map((o) => o.start)).toEqual(['2025-06-14T18:00:00.000Z', '2025-06-21T18:00:00.000Z']);
  });

  it('OData page: display strings and codes, comma and array lookups, UnparsedAddress, numeric strings; bad records by index and field', () => {
    const page = payloadRecords(fixture('odata-page'))!;
    expect(page.nextLink).toMatch(/skip=6/);
    const parsed = parsePayload(page.records, { timeZone: 'America/Chicago' });
    expect(parsed.listings.map((x) => x.index)).toEqual([0, 1]);
    const [a, b] = parsed.listings.map((x) => x.listing);
    expect(a).toMatchObject({
      status: 'Active Under Contract',
      listPrice: 689500,
      bedrooms: 2,
      bathrooms: 2.5,
      address: { unparsed: '2210 S Lamar Blvd Unit 305, Austin, TX 78704' },
    });
    expect(a!.photos.map((p) => p.url.split('/').pop())).toEqual(['a.jpg', 'b.jpg']);
    expect(b).toMatchObject({
      listingKey: '7770002',
      status: 'Pending',
      propertyType: 'Residential Income',
      bathrooms: 2.5,
      features: { Cooling: ['Central Air'] },
    });
    expect(b!.address).toMatchObject({ streetNumber: '906', unitNumber: 'B' });
    expect(parsed.errors).toEqual(
      expect.arrayContaining([
        { index: 2, field: 'ListPrice', message: expect.stringContaining('number') },
        { index: 2, field: 'ListingKey', message: 'is required' },
        { index: 3, field: 'StandardStatus', message: expect.stringContaining('Sortof') },
        { index: 4, field: '(record)', message: expect.any(String) },
        { index: 5, field: 'Media', message: expect.any(String) },
      ]),
    );
  });

  it('opt-out flags as booleans or Y/N', () => {
    const a = parseProperty(fixture('opt-out'));
    const b = parseProperty(fixture('no-internet'));
    expect(a.ok && a.listing).toMatchObject({ internetDisplay: true, internetAddressDisplay: false, status: 'Coming Soon' });
    expect(b.ok && b.listing).toMatchObject({ internetDisplay: false, internetAddressDisplay: true });
  });

  it.each([
    [null, '(record)'],
    [[], '(record)'],
    [{ ListingKey: 'k' }, 'UnparsedAddress'],
    [{ ListingKey: 'k', UnparsedAddress: 'x', ListPrice: -1 }, 'ListPrice'],
    [{ ListingKey: 'k', UnparsedAddress: 'x', InternetAddressDisplayYN: 'maybe' }, 'InternetAddressDisplayYN'],
    [{ ListingKey: 'k', UnparsedAddress: 'x', ModificationTimestamp: 'yesterday' }, 'ModificationTimestamp'],
    [{ ListingKey: 'k', UnparsedAddress: 'x', Media: [{ MediaURL: 'https://x.test/1.jpg', Order: 'first' }] }, 'Media.0.Order'],
    [{ ListingKey: { nested: true }, UnparsedAddress: 'x' }, 'ListingKey'],
  ])('bad record %j → field %s', (raw, field) => {
    const r = parseProperty(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.field)).toContain(field);
  });

  it('payload shapes', () => {
    expect(payloadRecords({ ListingKey: 'a' })!.records).toHaveLength(1);
    expect(payloadRecords([{ ListingKey: 'a' }, { ListingKey: 'b' }])!.records).toHaveLength(2);
    expect(payloadRecords({ value: 'nope' })).toBeNull();
    expect(payloadRecords('text')).toBeNull();
    expect(payloadRecords(null)).toBeNull();
  });
});
