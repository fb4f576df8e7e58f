/** REST calls for listings (RESO import, list) and listing-bound designs. */
import { json, request } from '../../api.js';

export interface ListingSummary {
  id: string;
  listingKey: string;
  version: number;
  status: string | null;
  listPrice: number | null;
  address: string;
  photo: string | null;
  updatedAt: string;
}

export interface ImportResult {
  imported: number;
  listings: { id: string; listingKey: string; outcome?: string }[];
  errors: { index: number; field: string; message: string }[];
}

export interface ListingChange {
  binding: string;
  from: string;
  to: string;
  objectIds: string[];
}

export interface PendingListingUpdate {
  listingId: string | null;
  listingVersion: number | null;
  mergedVersion: number | null;
  changed: ListingChange[];
}

export interface AppliedListingUpdate extends PendingListingUpdate {
  applied: { objectId: string; binding: string }[];
  kept: { objectId: string; binding: string; current: string }[];
}

const enc = encodeURIComponent;

export const listingApi = {
  list: (q = '') => request<{ listings: ListingSummary[]; total: number }>(`/api/listings?limit=200${q ? `&q=${enc(q)}` : ''}`),
  importPayload: (payload: unknown) => request<ImportResult>('/api/listings/import', json('POST', payload)),
  createDesign: (title: string, templateId: string, listingId: string) => request<{ id: string }>('/api/designs', json('POST', { title, templateId, listingId })),
  pendingUpdate: (designId: string) => request<PendingListingUpdate>(`/api/designs/${enc(designId)}/listing-update`),
  applyUpdate: (designId: string, force = false) => request<AppliedListingUpdate>(`/api/designs/${enc(designId)}/listing-update`, json('POST', { force })),
  emailSignatureUrl: (designId: string) => `/api/designs/${enc(designId)}/export/email-signature.html`,
};

/** What people call each bound field (banners and panels show these, never the binding's key). */
const BINDING_LABELS: Record<string, string> = {
  'listing.ListPrice': 'Price',
  'listing.PreviousListPrice': 'Previous price',
  'listing.OriginalListPrice': 'Original price',
  'listing.ClosePrice': 'Sold price',
  'listing.address': 'Address',
  'listing.address.line1': 'Address',
  'listing.address.line2': 'City',
  'listing.facts': 'Facts',
  'listing.BedroomsTotal': 'Bedrooms',
  'listing.BathroomsTotal': 'Bathrooms',
  'listing.LivingArea': 'Living area',
  'listing.PublicRemarks': 'Description',
  'listing.OpenHouse': 'Open house',
  'listing.StandardStatus': 'Status',
  'listing.statusLabel': 'Status',
  'listing.ListingId': 'MLS number',
  'listing.YearBuilt': 'Year built',
  'listing.PropertyType': 'Property type',
  'agent.name': 'Agent name',
  'agent.phone': 'Agent phone',
  'agent.email': 'Agent email',
  'agent.license': 'License number',
  'agent.photo': 'Agent photo',
};

export function bindingLabel(binding: string): string {
  if (BINDING_LABELS[binding]) return BINDING_LABELS[binding]!;
  const photo = /^listing\.photo\.(\d+)$/.exec(binding);
  if (photo) return Number(photo[1]) === 0 ? 'Main photo' : `Photo ${Number(photo[1]) + 1}`;
  // A field added later: its last part in words ('listing.LotSizeArea' → 'Lot size area').
  const last = binding.split('.').pop() ?? binding;
  const words = last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
