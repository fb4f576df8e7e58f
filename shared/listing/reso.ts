/**
 * RESO Data Dictionary Property records as real feeds send them, parsed
 * leniently with zod and normalised to our Listing. Accepts enum values as
 * lookup codes ("ActiveUnderContract") or display strings ("Active Under
 * Contract"), multi-value lookups as arrays or comma strings, the address
 * as UnparsedAddress or its parts, and Media in any order.
 */
import { z } from 'zod';
import { LISTING_STATUSES, type Listing, type ListingPhoto, type ListingStatus, type OpenHouse, type RecordError } from './model.js';
import { zonedLocalToUtc } from './time.js';

/* ---------- value coercers (each reports its own field through the zod path) ---------- */

const blankToUndefined = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);

/** Text: strings or numbers (some feeds send StreetNumber: 1234). */
const Text = z.preprocess(
  blankToUndefined,
  z
    .union([z.string().max(100_000), z.number().finite()], { error: 'must be text' })
    .transform((v) => String(v).trim())
    .optional(),
);

/** A number, or a numeric string such as "1250000", "1,250,000" or "$1,250,000". */
const Num = z.preprocess(
  blankToUndefined,
  z
    .union([z.number(), z.string()], { error: 'must be a number' })
    .transform((v, ctx) => {
      const n = typeof v === 'number' ? v : Number(v.replace(/[$,\s]/g, ''));
      if (!Number.isFinite(n)) {
        ctx.addIssue({ code: 'custom', message: `must be a number (got ${JSON.stringify(v).slice(0, 40)})` });
        return z.NEVER;
      }
      return n;
    })
    .optional(),
);
const NonNegative = Num.refine((n) => n === undefined || n >= 0, 'must not be negative');

const TRUE_WORDS = new Set(['true', 'y', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'n', 'no', '0']);
/** RESO YN fields: booleans, or "true"/"Y"/"yes"/1 and their opposites. */
const YN = z.preprocess(
  blankToUndefined,
  z
    .union([z.boolean(), z.string(), z.number()], { error: 'must be true or false' })
    .transform((v, ctx) => {
      if (typeof v === 'boolean') return v;
      const w = String(v).trim().toLowerCase();
      if (TRUE_WORDS.has(w)) return true;
      if (FALSE_WORDS.has(w)) return false;
      ctx.addIssue({ code: 'custom', message: `must be true or false (got ${JSON.stringify(v).slice(0, 40)})` });
      return z.NEVER;
    })
    .optional(),
);

/** Multi-value lookup: an array of strings, or one comma-separated string. */
const Multi = z.preprocess(
  blankToUndefined,
  z
    .union([z.array(z.union([z.string(), z.number()])), z.string()], { error: 'must be a list or a comma-separated string' })
    .transform((v) => splitMulti(v))
    .optional(),
);

const Timestamp = z.preprocess(
  blankToUndefined,
  z
    .string({ error: 'must be an ISO 8601 timestamp' })
    .refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 timestamp')
    .optional(),
);

/** "PropertyEnums.StandardStatus'Active'" (OData enum literal) → "Active". */
function stripODataEnum(s: string): string {
  const m = /'([^']*)'$/.exec(s.trim());
  return m ? m[1]! : s.trim();
}

/** Compare key for lookups: case, spaces and punctuation do not matter. */
export function lookupKey(s: string): string {
  return stripODataEnum(s)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** A lookup code to a display string: "ActiveUnderContract" → "Active Under Contract"; display strings pass through. */
export function lookupDisplay(s: string): string {
  const v = stripODataEnum(s);
  if (/\s/.test(v) || !/[a-z][A-Z]/.test(v)) return v;
  return v.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
}

export function splitMulti(v: string | readonly (string | number)[]): string[] {
  const parts = typeof v === 'string' ? v.split(',') : v.map(String);
  return parts.map((p) => lookupDisplay(p.trim())).filter(Boolean);
}

const STATUS_BY_KEY = new Map<string, ListingStatus>([
  ...LISTING_STATUSES.map((s) => [lookupKey(s), s] as const),
  ['cancelled', 'Canceled'],
  ['sold', 'Closed'],
  ['undercontract', 'Active Under Contract'],
  ['activeoption', 'Active Under Contract'],
  ['contingent', 'Active Under Contract'],
  ['new', 'Active'],
]);

const Status = z.preprocess(
  blankToUndefined,
  z
    .string({ error: 'must be a StandardStatus value' })
    .transform((v, ctx) => {
      const s = STATUS_BY_KEY.get(lookupKey(v));
      if (!s) {
        ctx.addIssue({ code: 'custom', message: `unknown StandardStatus ${JSON.stringify(v).slice(0, 60)}` });
        return z.NEVER;
      }
      return s;
    })
    .optional(),
);

/* ---------- raw record shapes ---------- */

export const ResoMediaSchema = z
  .object({
    MediaKey: Text,
    MediaURL: Text,
    Order: Num,
    PreferredPhotoYN: YN,
    MediaCategory: Text,
    MediaType: Text,
    Permission: Multi,
    ImageWidth: Num,
    ImageHeight: Num,
    ShortDescription: Text,
    LongDescription: Text,
  })
  .loose();
export type ResoMedia = z.infer<typeof ResoMediaSchema>;

export const ResoOpenHouseSchema = z
  .object({
    OpenHouseKey: Text,
    OpenHouseDate: Text,
    OpenHouseStartTime: Timestamp,
    OpenHouseEndTime: Timestamp,
    OpenHouseStatus: Text,
    OpenHouseRemarks: Text,
  })
  .loose();

/** The subset of the RESO Property resource we read; every other field is kept but ignored. */
export const ResoPropertySchema = z
  .object(
    {
      ListingKey: Text,
      ListingKeyNumeric: Text,
      ListingId: Text,
      StandardStatus: Status,
      MlsStatus: Text,
      ListPrice: NonNegative,
      PreviousListPrice: NonNegative,
      OriginalListPrice: NonNegative,
      ClosePrice: NonNegative,
      UnparsedAddress: Text,
      StreetNumber: Text,
      StreetDirPrefix: Text,
      StreetName: Text,
      StreetSuffix: Text,
      StreetDirSuffix: Text,
      UnitNumber: Text,
      City: Text,
      StateOrProvince: Text,
      PostalCode: Text,
      BedroomsTotal: NonNegative,
      BathroomsTotalInteger: NonNegative,
      BathroomsTotalDecimal: NonNegative,
      BathroomsFull: NonNegative,
      BathroomsHalf: NonNegative,
      LivingArea: NonNegative,
      LivingAreaUnits: Text,
      YearBuilt: Num,
      PropertyType: Text,
      PropertySubType: Text,
      PublicRemarks: Text,
      InternetEntireListingDisplayYN: YN,
      InternetAddressDisplayYN: YN,
      ListAgentFullName: Text,
      ListOfficeName: Text,
      ModificationTimestamp: Timestamp,
      Media: z.preprocess(blankToUndefined, z.array(ResoMediaSchema, { error: 'must be a list of media records' }).optional()),
      OpenHouse: z.preprocess(blankToUndefined, z.array(ResoOpenHouseSchema, { error: 'must be a list of open houses' }).optional()),
      InteriorFeatures: Multi,
      ExteriorFeatures: Multi,
      Appliances: Multi,
      Heating: Multi,
      Cooling: Multi,
      PoolFeatures: Multi,
      ParkingFeatures: Multi,
      Flooring: Multi,
      CommunityFeatures: Multi,
      LotFeatures: Multi,
      View: Multi,
      ArchitecturalStyle: Multi,
    },
    { error: 'a Property record must be a JSON object' },
  )
  .loose();
export type ResoProperty = z.infer<typeof ResoPropertySchema>;

export const FEATURE_FIELDS = [
  'InteriorFeatures',
  'ExteriorFeatures',
  'Appliances',
  'Heating',
  'Cooling',
  'PoolFeatures',
  'ParkingFeatures',
  'Flooring',
  'CommunityFeatures',
  'LotFeatures',
  'View',
  'ArchitecturalStyle',
] as const;

/* ---------- media ---------- */

/** Media.Permission values that allow public advertising. Missing Permission means unrestricted. */
const ADVERTISING_PERMISSIONS = new Set(['public', 'idx']);
const PHOTO_CATEGORIES = new Set(['photo', 'photos', 'image', 'images', 'picture']);

export function mediaAllowsAdvertising(m: Pick<ResoMedia, 'Permission'>): boolean {
  if (!m.Permission || m.Permission.length === 0) return true;
  return m.Permission.some((p) => ADVERTISING_PERMISSIONS.has(lookupKey(p)));
}

function isPhoto(m: ResoMedia): boolean {
  if (m.MediaCategory && !PHOTO_CATEGORIES.has(lookupKey(m.MediaCategory))) return false;
  if (m.MediaType && !/^(image\/)?(jpe?g|png|webp|gif)$/i.test(m.MediaType.trim())) return false;
  return true;
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Advertisable photos: ordered by Order (then feed order), the PreferredPhotoYN one first. */
export function advertisablePhotos(media: readonly ResoMedia[]): ListingPhoto[] {
  const photos = media
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => m.MediaURL && isHttpUrl(m.MediaURL) && isPhoto(m) && mediaAllowsAdvertising(m))
    .sort((a, b) => (a.m.Order ?? Number.MAX_SAFE_INTEGER) - (b.m.Order ?? Number.MAX_SAFE_INTEGER) || a.i - b.i);
  const preferred = photos.findIndex(({ m }) => m.PreferredPhotoYN === true);
  if (preferred > 0) photos.unshift(...photos.splice(preferred, 1));
  return photos.map(({ m, i }) => ({
    url: m.MediaURL!,
    order: m.Order ?? i,
    preferred: m.PreferredPhotoYN === true,
    ...(m.ImageWidth && m.ImageWidth > 0 ? { width: m.ImageWidth } : {}),
    ...(m.ImageHeight && m.ImageHeight > 0 ? { height: m.ImageHeight } : {}),
    ...(m.ShortDescription ? { caption: m.ShortDescription } : {}),
  }));
}

/* ---------- normalisation ---------- */

export interface NormaliseOptions {
  /** IANA zone for open-house times sent without a UTC offset (the brokerage's). */
  timeZone?: string;
}

const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

function instant(value: string | undefined, timeZone: string): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (HAS_OFFSET.test(v)) return new Date(v).toISOString();
  return zonedLocalToUtc(v, timeZone)?.toISOString();
}

function openHouses(list: ResoProperty['OpenHouse'], timeZone: string): OpenHouse[] {
  const out: OpenHouse[] = [];
  for (const oh of list ?? []) {
    const status = oh.OpenHouseStatus ? lookupKey(oh.OpenHouseStatus) : 'active';
    if (status === 'canceled' || status === 'cancelled') continue;
    const start = instant(oh.OpenHouseStartTime, timeZone);
    if (!start) continue;
    const end = instant(oh.OpenHouseEndTime, timeZone);
    out.push({ start, ...(end ? { end } : {}), ...(oh.OpenHouseRemarks ? { remarks: oh.OpenHouseRemarks } : {}) });
  }
  return out.sort((a, b) => a.start.localeCompare(b.start));
}

function bathrooms(p: ResoProperty): number | null {
  if (p.BathroomsTotalDecimal !== undefined) return p.BathroomsTotalDecimal;
  if (p.BathroomsTotalInteger !== undefined) return p.BathroomsTotalInteger;
  if (p.BathroomsFull !== undefined) return p.BathroomsFull + (p.BathroomsHalf ?? 0) * 0.5;
  return null;
}

function areaUnits(v: string | undefined): Listing['livingAreaUnits'] {
  return v && /met|m2|m²|sqm/i.test(v) ? 'm²' : 'sq ft';
}

/** A parsed RESO Property as our Listing value. */
export function normaliseProperty(p: ResoProperty, options: NormaliseOptions = {}): Listing {
  const tz = options.timeZone ?? 'America/Chicago';
  const features: Record<string, string[]> = {};
  for (const f of FEATURE_FIELDS) if (p[f]?.length) features[f] = p[f]!;
  const address: Listing['address'] = {};
  const parts = {
    streetNumber: p.StreetNumber,
    streetDirPrefix: p.StreetDirPrefix,
    streetName: p.StreetName,
    streetSuffix: p.StreetSuffix,
    streetDirSuffix: p.StreetDirSuffix,
    unitNumber: p.UnitNumber,
    city: p.City,
    stateOrProvince: p.StateOrProvince,
    postalCode: p.PostalCode,
    unparsed: p.UnparsedAddress,
  };
  for (const [k, v] of Object.entries(parts)) if (v) (address as Record<string, string>)[k] = v;
  return {
    listingKey: (p.ListingKey ?? p.ListingKeyNumeric)!,
    ...(p.ListingId ? { listingId: p.ListingId } : {}),
    status: p.StandardStatus ?? null,
    listPrice: p.ListPrice ?? null,
    previousListPrice: p.PreviousListPrice ?? null,
    originalListPrice: p.OriginalListPrice ?? null,
    closePrice: p.ClosePrice ?? null,
    address,
    bedrooms: p.BedroomsTotal ?? null,
    bathrooms: bathrooms(p),
    livingArea: p.LivingArea ?? null,
    livingAreaUnits: areaUnits(p.LivingAreaUnits),
    yearBuilt: p.YearBuilt !== undefined ? Math.round(p.YearBuilt) : null,
    propertyType: p.PropertyType ? lookupDisplay(p.PropertyType) : null,
    propertySubType: p.PropertySubType ? lookupDisplay(p.PropertySubType) : null,
    publicRemarks: p.PublicRemarks ?? '',
    photos: advertisablePhotos(p.Media ?? []),
    openHouses: openHouses(p.OpenHouse, tz),
    features,
    // RESO: absent means the seller did not opt out.
    internetDisplay: p.InternetEntireListingDisplayYN !== false,
    internetAddressDisplay: p.InternetAddressDisplayYN !== false,
    ...(p.ListAgentFullName ? { listAgentFullName: p.ListAgentFullName } : {}),
    ...(p.ListOfficeName ? { listOfficeName: p.ListOfficeName } : {}),
    modificationTimestamp: p.ModificationTimestamp ? new Date(p.ModificationTimestamp).toISOString() : null,
  };
}

const present = (v: unknown) => (typeof v === 'string' && v.trim() !== '') || (typeof v === 'number' && Number.isFinite(v));

/** Record-level requirements (checked on the raw record so they are reported next to field errors). */
function requiredFieldErrors(p: Record<string, unknown>): Omit<RecordError, 'index'>[] {
  const out: Omit<RecordError, 'index'>[] = [];
  if (!present(p.ListingKey) && !present(p.ListingKeyNumeric)) out.push({ field: 'ListingKey', message: 'is required' });
  if (!present(p.UnparsedAddress) && !(present(p.StreetName) && (present(p.City) || present(p.PostalCode)))) {
    out.push({ field: 'UnparsedAddress', message: 'an address is required: UnparsedAddress, or StreetName with City or PostalCode' });
  }
  return out;
}

export type ParseResult =
  { ok: true; listing: Listing; raw: Record<string, unknown> } | { ok: false; errors: Omit<RecordError, 'index'>[] };

/** One record: our Listing, or every field at fault. */
export function parseProperty(raw: unknown, options: NormaliseOptions = {}): ParseResult {
  const parsed = ResoPropertySchema.safeParse(raw);
  const errors = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ field: i.path.length ? i.path.join('.') : '(record)', message: i.message }));
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    for (const e of requiredFieldErrors(raw as Record<string, unknown>)) if (!errors.some((x) => x.field === e.field)) errors.push(e);
  }
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  return { ok: true, listing: normaliseProperty(parsed.data, options), raw: raw as Record<string, unknown> };
}

/** At most this many records per payload (an OData page is typically 100–1000). */
export const MAX_RECORDS_PER_PAYLOAD = 5_000;

export interface PayloadRecords {
  records: unknown[];
  nextLink: string | null;
}

/**
 * The records of a RESO payload: a single Property object, an OData page
 * `{value: [...], '@odata.nextLink'?}`, or a bare array of Property objects.
 * Returns null when the body is none of these.
 */
export function payloadRecords(body: unknown): PayloadRecords | null {
  if (Array.isArray(body)) return { records: body, nextLink: null };
  if (typeof body !== 'object' || body === null) return null;
  const o = body as Record<string, unknown>;
  if ('value' in o) {
    if (!Array.isArray(o.value)) return null;
    const next = o['@odata.nextLink'];
    return { records: o.value, nextLink: typeof next === 'string' ? next : null };
  }
  return { records: [body], nextLink: null };
}

export interface ParsedPayload {
  listings: { index: number; listing: Listing; raw: Record<string, unknown> }[];
  errors: RecordError[];
}

/** Every record of a payload: good ones normalised, bad ones reported by index and field. */
export function parsePayload(records: readonly unknown[], options: NormaliseOptions = {}): ParsedPayload {
  const out: ParsedPayload = { listings: [], errors: [] };
  const seen = new Map<string, number>();
  records.forEach((raw, index) => {
    const r = parseProperty(raw, options);
    if (!r.ok) {
      for (const e of r.errors) out.errors.push({ index, ...e });
      return;
    }
    // The same ListingKey twice in one payload: the later record wins (feeds page by modification time).
    const earlier = seen.get(r.listing.listingKey);
    if (earlier !== undefined) out.listings.splice(earlier, 1, { index, listing: r.listing, raw: r.raw });
    else {
      seen.set(r.listing.listingKey, out.listings.length);
      out.listings.push({ index, listing: r.listing, raw: r.raw });
    }
  });
  return out;
}
