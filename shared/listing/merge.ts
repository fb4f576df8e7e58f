/**
 * Merge: a design's `binding`s resolved from a listing and an agent profile.
 * Pure; the design passed in is not changed.
 */
import type { BrandKit, FontRole } from '../brand/index.js';
import type { Design, DesignKind, DesignObject, TextObject } from '../design/index.js';
import { displayAddress, fitText, formatFacts, formatLicense, formatOpenHouse, formatPrice, nextOpenHouse, statusLabel } from './format.js';
import type { Listing } from './model.js';

/** An agent as designs show them (from the user's profile). */
export interface AgentProfile {
  name: string;
  phone?: string;
  email?: string;
  /** By jurisdiction: `{TX: '0654321'}`. */
  licenseNumbers?: Record<string, string>;
  /** Headshot: asset id or URL. */
  photo?: string;
  /** The office the person belongs to (its details fill `office.*` bindings); none: those keep the template's content. */
  office?: OfficeDetails;
}

/** An office as designs show it (shared/api/offices.ts). */
export interface OfficeDetails {
  name: string;
  /** One line: `1200 Congress Ave, Austin, TX 78701`. */
  address: string;
  phone: string;
  /** By jurisdiction: `{TX: '9001234'}`. */
  licenseNumbers: Record<string, string>;
}

/** Kinds published online: seller opt-outs (InternetEntireListingDisplayYN / InternetAddressDisplayYN) apply to them. */
export const ONLINE_KINDS: readonly DesignKind[] = ['social-post', 'story', 'email-signature'];
export const isOnlineKind = (kind: DesignKind): boolean => ONLINE_KINDS.includes(kind);

export class ListingMergeError extends Error {
  constructor(
    readonly code: 'listing-display-restricted',
    message: string,
  ) {
    super(message);
    this.name = 'ListingMergeError';
  }
}

export interface MergeOptions {
  /** The design kind (defaults to the design's own). */
  kind?: DesignKind;
  /** The brokerage's IANA time zone, for open-house times. */
  timeZone: string;
  /** For minimum font sizes when text must shrink to fit (else 8 px). */
  kit?: BrandKit;
  /** Epoch ms: picks the next open house (else the first). */
  now?: number;
  /** Jurisdictions to prefer for the license line (e.g. the kit's rule packs, the listing's state). */
  licenseStates?: readonly string[];
  /** Where a design loads listing photo n from (the server serves them same-origin); else the feed's URL. */
  photoSrc?: (index: number) => string;
}

/** A binding's value: text for text objects, an image for image objects. */
export type BoundValue = { text: string } | { src: string; naturalWidth?: number; naturalHeight?: number };

/** Every listing binding this module knows, besides `listing.photo.<n>`. */
export const LISTING_TEXT_BINDINGS = [
  'listing.ListPrice',
  'listing.PreviousListPrice',
  'listing.OriginalListPrice',
  'listing.ClosePrice',
  'listing.address',
  'listing.address.line1',
  'listing.address.line2',
  'listing.facts',
  'listing.BedroomsTotal',
  'listing.BathroomsTotal',
  'listing.LivingArea',
  'listing.PublicRemarks',
  'listing.OpenHouse',
  'listing.StandardStatus',
  'listing.statusLabel',
  'listing.ListingId',
  'listing.YearBuilt',
  'listing.PropertyType',
] as const;
export const AGENT_BINDINGS = ['agent.name', 'agent.phone', 'agent.email', 'agent.license', 'agent.photo'] as const;
export const OFFICE_BINDINGS = ['office.name', 'office.address', 'office.phone', 'office.license'] as const;
/** Bindings that fill from the person (their profile and their office), not from a listing. */
export const isPersonBinding = (binding: string): boolean => binding.startsWith('agent.') || binding.startsWith('office.');

const PHOTO_BINDING_RE = /^listing\.photo\.(\d{1,3})$/;

/** The previous price to show on a price-reduced piece: PreviousListPrice, else a higher OriginalListPrice. */
function previousPrice(l: Listing): number | null {
  if (l.previousListPrice !== null) return l.previousListPrice;
  if (l.originalListPrice !== null && l.listPrice !== null && l.originalListPrice > l.listPrice) return l.originalListPrice;
  return null;
}

/** The formatted value of one listing binding (text bindings), or undefined for unknown bindings. */
export function listingText(binding: string, l: Listing, options: MergeOptions & { online: boolean }): string | undefined {
  switch (binding) {
    case 'listing.ListPrice':
      return formatPrice(l.listPrice) || 'Price upon request';
    case 'listing.PreviousListPrice':
      return formatPrice(previousPrice(l));
    case 'listing.OriginalListPrice':
      return formatPrice(l.originalListPrice);
    case 'listing.ClosePrice':
      return formatPrice(l.closePrice);
    case 'listing.address': {
      const { line1, line2 } = displayAddress(l, options.online);
      return [line1, line2].filter(Boolean).join(', ');
    }
    case 'listing.address.line1':
      return displayAddress(l, options.online).line1;
    case 'listing.address.line2':
      return displayAddress(l, options.online).line2;
    case 'listing.facts':
      return formatFacts(l);
    case 'listing.BedroomsTotal':
      return l.bedrooms === null ? '' : String(l.bedrooms);
    case 'listing.BathroomsTotal':
      return l.bathrooms === null ? '' : String(l.bathrooms);
    case 'listing.LivingArea':
      return formatFacts({ bedrooms: null, bathrooms: null, livingArea: l.livingArea, livingAreaUnits: l.livingAreaUnits });
    case 'listing.PublicRemarks':
      return l.publicRemarks;
    case 'listing.OpenHouse': {
      const oh = nextOpenHouse(l.openHouses, options.now);
      return oh ? formatOpenHouse(oh, options.timeZone) : '';
    }
    case 'listing.StandardStatus':
      return l.status ?? '';
    case 'listing.statusLabel':
      return statusLabel(l.status);
    case 'listing.ListingId':
      return l.listingId ? `MLS# ${l.listingId}` : '';
    case 'listing.YearBuilt':
      return l.yearBuilt === null ? '' : `Built ${l.yearBuilt}`;
    case 'listing.PropertyType':
      return l.propertySubType ?? l.propertyType ?? '';
    default:
      return undefined;
  }
}

export function agentText(binding: string, agent: AgentProfile, options: MergeOptions): string | undefined {
  switch (binding) {
    case 'agent.name':
      return agent.name;
    case 'agent.phone':
      return agent.phone ?? '';
    case 'agent.email':
      return agent.email ?? '';
    case 'agent.license':
      return formatLicense(agent.licenseNumbers, options.licenseStates ?? []);
    default:
      return undefined;
  }
}

export function officeText(binding: string, office: OfficeDetails, options: MergeOptions): string | undefined {
  switch (binding) {
    case 'office.name':
      return office.name;
    case 'office.address':
      return office.address;
    case 'office.phone':
      return office.phone;
    case 'office.license':
      return formatLicense(office.licenseNumbers, options.licenseStates ?? []);
    default:
      return undefined;
  }
}

/**
 * The value a binding resolves to, or undefined when this merge cannot say
 * (unknown binding, or no listing/agent given for it).
 */
export function resolveBinding(
  binding: string,
  listing: Listing | null,
  agent: AgentProfile | null,
  options: MergeOptions & { online: boolean },
): BoundValue | undefined {
  if (binding.startsWith('listing.')) {
    if (!listing) return undefined;
    const photo = PHOTO_BINDING_RE.exec(binding);
    if (photo) {
      const p = listing.photos[Number(photo[1])];
      if (!p) return { src: '' };
      const src = options.photoSrc ? options.photoSrc(Number(photo[1])) : p.url;
      return { src, ...(p.width && p.height ? { naturalWidth: p.width, naturalHeight: p.height } : {}) };
    }
    const text = listingText(binding, listing, options);
    return text === undefined ? undefined : { text };
  }
  if (binding.startsWith('agent.')) {
    if (!agent) return undefined;
    if (binding === 'agent.photo') return { src: agent.photo ?? '' };
    const text = agentText(binding, agent, options);
    return text === undefined ? undefined : { text };
  }
  if (binding.startsWith('office.')) {
    if (!agent?.office) return undefined;
    const text = officeText(binding, agent.office, options);
    return text === undefined ? undefined : { text };
  }
  return undefined;
}

function fontRole(o: TextObject): FontRole {
  if (o.role === 'disclaimer' || o.role === 'license-number') return 'disclaimer';
  if (o.role === 'headline' || o.role === 'price') return 'heading';
  return o.fontSize >= 28 ? 'heading' : 'body';
}

function minFontSize(o: TextObject, kit: BrandKit | undefined): number {
  if (!kit) return 8;
  const role = fontRole(o);
  const font = kit.fonts.find((f) => f.role === role) ?? kit.fonts.find((f) => f.role === 'body') ?? kit.fonts[0];
  return font?.minSize ?? 8;
}

/** One object with a resolved value applied: text fitted to its box, images cover-fit with their natural size. */
export function applyBoundValue(o: DesignObject, value: BoundValue, kit: BrandKit | undefined): DesignObject {
  if (o.type === 'text' && 'text' in value) {
    const fitted = fitText(value.text, o, minFontSize(o, kit));
    // Real listing data: no longer the template's sample copy, even where the values coincide.
    const { sampleText: _sample, ...rest } = o;
    return { ...rest, text: fitted.text, fontSize: fitted.fontSize };
  }
  if (o.type === 'image' && 'src' in value) {
    const next = { ...o, src: value.src, fit: 'cover' as const };
    delete next.naturalWidth;
    delete next.naturalHeight;
    if (value.naturalWidth && value.naturalHeight)
      Object.assign(next, { naturalWidth: value.naturalWidth, naturalHeight: value.naturalHeight });
    return next;
  }
  return o;
}

export interface MergeResult {
  design: Design;
  /** Formatted value of every binding the design uses and every listing text binding (before fitting): what change detection compares. */
  values: Record<string, string>;
  /** What each bound object shows after the merge (text, or image src): what "untouched by the agent" compares. */
  objects: Record<string, string>;
}

export function checkAdvertisable(listing: Listing | null, kind: DesignKind): void {
  if (listing && !listing.internetDisplay && isOnlineKind(kind)) {
    throw new ListingMergeError(
      'listing-display-restricted',
      `The seller opted out of internet display (InternetEntireListingDisplayYN), so this listing cannot be used in a ${kind}.`,
    );
  }
}

/** Every listing text binding's formatted value, plus the photos; for change detection. */
export function listingValues(listing: Listing, options: MergeOptions & { online: boolean }): Record<string, string> {
  const values: Record<string, string> = {};
  for (const b of LISTING_TEXT_BINDINGS) values[b] = listingText(b, listing, options) ?? '';
  listing.photos.forEach((p, i) => (values[`listing.photo.${i}`] = p.url));
  return values;
}

/** Merge with the details the server keeps for later change detection. */
export function mergeListingDetailed(
  design: Design,
  listing: Listing | null,
  agent: AgentProfile | null,
  options: MergeOptions,
): MergeResult {
  const kind = options.kind ?? design.meta.kind;
  checkAdvertisable(listing, kind);
  const opts = { ...options, online: isOnlineKind(kind) };
  const values: Record<string, string> = listing ? listingValues(listing, opts) : {};
  const objects: Record<string, DesignObject> = {};
  const shown: Record<string, string> = {};
  for (const [id, o] of Object.entries(design.objects)) {
    const value = o.binding ? resolveBinding(o.binding, listing, agent, opts) : undefined;
    if (!o.binding || !value) {
      objects[id] = o;
      continue;
    }
    const merged = applyBoundValue(o, value, options.kit);
    objects[id] = merged;
    // Listing values stay the feed's (a photo's is its MLS URL, whatever src designs load it from).
    values[o.binding] ??= 'text' in value ? value.text : value.src;
    shown[id] = merged.type === 'text' ? merged.text : merged.type === 'image' ? merged.src : '';
  }
  return { design: { meta: { ...design.meta }, objects }, values, objects: shown };
}

/**
 * A new design's `agent.*` and `office.*` bindings filled from the person's profile and office (no listing
 * involved). A binding the profile has nothing for (no phone, no headshot, no office) keeps the template's content.
 */
export function fillAgentBindings(design: Design, agent: AgentProfile, options: MergeOptions): Design {
  const opts = { ...options, online: isOnlineKind(options.kind ?? design.meta.kind) };
  const objects: Record<string, DesignObject> = {};
  for (const [id, o] of Object.entries(design.objects)) {
    const value = o.binding && isPersonBinding(o.binding) ? resolveBinding(o.binding, null, agent, opts) : undefined;
    const empty = !value || ('text' in value ? !value.text.trim() : !value.src);
    objects[id] = empty ? o : applyBoundValue(o, value, options.kit);
  }
  return { meta: { ...design.meta }, objects };
}

/** `design` with every known binding resolved from the listing and the agent. */
export function mergeListing(design: Design, listing: Listing | null, agent: AgentProfile | null, options: MergeOptions): Design {
  return mergeListingDetailed(design, listing, agent, options).design;
}

export interface BindingChange {
  binding: string;
  from: string;
  to: string;
}

/** Bindings whose formatted value differs between two merges (sorted by binding). */
export function diffValues(before: Record<string, string>, after: Record<string, string>): BindingChange[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out: BindingChange[] = [];
  for (const binding of [...keys].sort()) {
    if (!binding.startsWith('listing.')) continue;
    const from = before[binding] ?? '';
    const to = after[binding] ?? '';
    if (from !== to) out.push({ binding, from, to });
  }
  return out;
}
