/** REST calls for listings (RESO import, list) and listing-bound designs. */
import { call } from '../../api.js';
import { designsApi } from '../../../../shared/api/designs.js';
import { listingsApi } from '../../../../shared/api/listings.js';

export type {
  AppliedListingUpdate,
  ImportResult,
  ListingChange,
  ListingDesigns,
  ListingListItem,
  ListingSummary,
  PendingListingUpdate,
} from '../../../../shared/api/listings.js';

export const listingApi = {
  list: (q = '') => call(listingsApi.list, { query: { limit: 200, ...(q ? { q } : {}) } }),
  importPayload: (payload: unknown) => call(listingsApi.import, { body: payload }),
  createDesign: (title: string, templateId: string, listingId: string) =>
    call(designsApi.create, { body: { title, templateId, listingId } }),
  pendingUpdate: (designId: string) => call(listingsApi.pendingUpdate, { params: { id: designId } }),
  applyUpdate: (designId: string, force = false) => call(listingsApi.applyUpdate, { params: { id: designId }, body: { force } }),
  emailSignatureUrl: (designId: string) => `/api/designs/${encodeURIComponent(designId)}/export/email-signature.html`,
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
