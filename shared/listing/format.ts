/**
 * Pure formatting of listing and agent fields for designs: prices, facts,
 * address lines, open-house times, license lines, and fitting text to a box.
 */
import { measureTextHeight } from '../render/index.js';
import type { Listing, ListingAddress, ListingStatus, OpenHouse } from './model.js';

// Made on first use: building a formatter loads ICU's locale data (~6 MiB of the server's memory),
// which a server that never formats a listing need not hold.
let groupedFormat: Intl.NumberFormat | undefined;
const grouped = (n: number): string => (groupedFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })).format(n);

/** `$1,250,000`; cents are rounded away; '' for no price. */
export function formatPrice(price: number | null | undefined): string {
  if (price === null || price === undefined || !Number.isFinite(price) || price < 0) return '';
  return `$${grouped(Math.round(price))}`;
}

/** 2 → "2", 2.5 → "2.5", 2.75 → "2.75". */
function trimNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** `4 bd | 3 ba | 2,150 sq ft`; missing facts are left out, '' when none is known. */
export function formatFacts(l: Pick<Listing, 'bedrooms' | 'bathrooms' | 'livingArea' | 'livingAreaUnits'>): string {
  const parts: string[] = [];
  if (l.bedrooms !== null && l.bedrooms !== undefined) parts.push(`${trimNumber(l.bedrooms)} bd`);
  if (l.bathrooms !== null && l.bathrooms !== undefined) parts.push(`${trimNumber(l.bathrooms)} ba`);
  if (l.livingArea !== null && l.livingArea !== undefined && l.livingArea > 0)
    parts.push(`${grouped(l.livingArea)} ${l.livingAreaUnits ?? 'sq ft'}`);
  return parts.join(' | ');
}

function unitLabel(unit: string): string {
  return /^(#|unit\b|apt\b|ste\b|suite\b|no\.?\s)/i.test(unit) ? unit : `#${unit}`;
}

/** Street line from the parts ("1234 N Magnolia Ridge Ln #4B"), or '' without a street name. */
function streetLine(a: ListingAddress): string {
  if (!a.streetName) return '';
  const street = [a.streetNumber, a.streetDirPrefix, a.streetName, a.streetSuffix, a.streetDirSuffix].filter(Boolean).join(' ');
  return a.unitNumber ? `${street} ${unitLabel(a.unitNumber)}` : street;
}

/** "Austin, TX 78704" from the parts, or '' when none is known. */
function localityLine(a: ListingAddress): string {
  const stateZip = [a.stateOrProvince, a.postalCode].filter(Boolean).join(' ');
  return [a.city, stateZip].filter(Boolean).join(', ');
}

export interface AddressLines {
  line1: string;
  line2: string;
}

/**
 * Two address lines: street, then "City, ST 12345". Built from the parts when
 * present; an UnparsedAddress fills in what the parts lack (split at its first
 * comma: "1234 Main St, Austin, TX 78704").
 */
export function addressLines(a: ListingAddress): AddressLines {
  let line1 = streetLine(a);
  let line2 = localityLine(a);
  if (a.unparsed && (!line1 || !line2)) {
    const comma = a.unparsed.indexOf(',');
    const head = (comma >= 0 ? a.unparsed.slice(0, comma) : a.unparsed).trim();
    const tail = comma >= 0 ? a.unparsed.slice(comma + 1).trim() : '';
    if (!line1) line1 = head;
    if (!line2) line2 = tail;
  }
  return { line1, line2 };
}

/** Address lines as allowed for this use: without the street when the seller opted out of showing it online. */
export function displayAddress(l: Pick<Listing, 'address' | 'internetAddressDisplay'>, online: boolean): AddressLines {
  const lines = addressLines(l.address);
  if (!online || l.internetAddressDisplay) return lines;
  // Area only: the city and state stay (they are not the address), street and ZIP go.
  const area = [l.address.city, l.address.stateOrProvince].filter(Boolean).join(', ');
  return { line1: area, line2: '' };
}

export function formatAddressOneLine(a: ListingAddress): string {
  const { line1, line2 } = addressLines(a);
  return [line1, line2].filter(Boolean).join(', ');
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();
const timeFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string) {
  let f = dayFormatters.get(timeZone);
  if (!f) dayFormatters.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', month: 'long', day: 'numeric' })));
  return f;
}
function timeFormatter(timeZone: string) {
  let f = timeFormatters.get(timeZone);
  if (!f)
    timeFormatters.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit', hour12: true })));
  return f;
}

function timeParts(d: Date, timeZone: string): { clock: string; period: string } {
  const parts = timeFormatter(timeZone).formatToParts(d);
  const clock = parts
    .filter((p) => p.type === 'hour' || p.type === 'minute' || (p.type === 'literal' && p.value === ':'))
    .map((p) => p.value)
    .join('');
  const period = parts.find((p) => p.type === 'dayPeriod')?.value.toUpperCase() ?? '';
  return { clock, period };
}

/**
 * "Saturday, June 14 | 1:00 – 4:00 PM" in the brokerage's time zone
 * ("11:00 AM – 1:00 PM" across noon; start time only without an end).
 */
export function formatOpenHouse(oh: OpenHouse, timeZone: string): string {
  const start = new Date(oh.start);
  if (Number.isNaN(start.getTime())) return '';
  const day = dayFormatter(timeZone).format(start);
  const s = timeParts(start, timeZone);
  const end = oh.end ? new Date(oh.end) : null;
  if (!end || Number.isNaN(end.getTime()) || end <= start) return `${day} | ${s.clock} ${s.period}`;
  const e = timeParts(end, timeZone);
  const sameDay = dayFormatter(timeZone).format(end) === day;
  if (!sameDay) return `${day} | ${s.clock} ${s.period} – ${dayFormatter(timeZone).format(end)} ${e.clock} ${e.period}`;
  return s.period === e.period
    ? `${day} | ${s.clock} – ${e.clock} ${e.period}`
    : `${day} | ${s.clock} ${s.period} – ${e.clock} ${e.period}`;
}

/** The next open house not yet over at `now` (else the last one), or null. */
export function nextOpenHouse(openHouses: readonly OpenHouse[], now: number | undefined): OpenHouse | null {
  if (openHouses.length === 0) return null;
  if (now === undefined) return openHouses[0]!;
  const upcoming = openHouses.find((oh) => Date.parse(oh.end ?? oh.start) >= now);
  return upcoming ?? openHouses[openHouses.length - 1]!;
}

/** Headline word for a status: FOR SALE, UNDER CONTRACT, PENDING, SOLD, COMING SOON. */
export function statusLabel(status: ListingStatus | null): string {
  switch (status) {
    case 'Pending':
      return 'PENDING';
    case 'Active Under Contract':
      return 'UNDER CONTRACT';
    case 'Closed':
      return 'SOLD';
    case 'Coming Soon':
      return 'COMING SOON';
    default:
      return 'FOR SALE';
  }
}

/**
 * The license line for an agent in a jurisdiction: "TX License #0654321";
 * California's form names the DRE ("CA DRE #01234567", eight digits).
 */
export function formatLicense(licenseNumbers: Record<string, string> | undefined, preferred: readonly string[]): string {
  if (!licenseNumbers) return '';
  const states = Object.keys(licenseNumbers).filter((k) => licenseNumbers[k]?.trim());
  const state = preferred.find((p) => states.some((s) => s.toUpperCase() === p.toUpperCase())) ?? states[0];
  if (!state) return '';
  const key = states.find((s) => s.toUpperCase() === state.toUpperCase())!;
  const number = licenseNumbers[key]!.trim();
  if (key.toUpperCase() === 'CA') {
    const digits = number.replace(/\D/g, '');
    return `CA DRE #${digits ? digits.padStart(8, '0') : number}`;
  }
  return `${key.toUpperCase()} License #${number}`;
}

/* ---------- fitting text into its box ---------- */

export interface TextBox {
  width: number;
  fontFamily: string;
  height: number;
  fontSize: number;
  fontWeight?: number | string;
  lineHeight?: number;
}

export interface FittedText {
  text: string;
  fontSize: number;
  /** How it was made to fit. */
  how: 'fits' | 'shrunk' | 'truncated';
}

const ELLIPSIS = '…';

/**
 * Makes `text` fit `box` by the one text layout (shared/render, what the overflow rule, the
 * canvas and the exports use):
 * unchanged if it fits; else the font shrinks one pixel at a time down to
 * `minFontSize`; else, at `minFontSize`, the text is cut at a word (or
 * character) boundary and ends with an ellipsis.
 */
export function fitText(text: string, box: TextBox, minFontSize: number): FittedText {
  const fits = (t: string, size: number) =>
    measureTextHeight({
      text: t,
      width: box.width,
      fontFamily: box.fontFamily,
      fontSize: size,
      fontWeight: box.fontWeight ?? 400,
      lineHeight: box.lineHeight,
    }) <=
    box.height + 0.5;
  if (!text || fits(text, box.fontSize)) return { text, fontSize: box.fontSize, how: 'fits' };
  const floor = Math.min(box.fontSize, Math.max(1, minFontSize));
  for (let size = Math.floor(box.fontSize); size >= floor; size--) {
    if (size < box.fontSize && fits(text, size)) return { text, fontSize: size, how: 'shrunk' };
  }
  const size = floor;
  // Longest prefix that fits with an ellipsis: binary search on length, then back off to a word boundary.
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(text.slice(0, mid).trimEnd() + ELLIPSIS, size)) lo = mid;
    else hi = mid - 1;
  }
  let cut = text.slice(0, lo);
  const space = cut.lastIndexOf(' ');
  if (space > lo * 0.6) cut = cut.slice(0, space);
  cut = cut.replace(/[\s,;:|–-]+$/, '');
  return { text: cut ? cut + ELLIPSIS : '', fontSize: size, how: 'truncated' };
}
