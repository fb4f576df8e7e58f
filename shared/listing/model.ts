import { z } from 'zod';

/**
 * Our normalised listing: what the RESO importer produces and what merge,
 * change detection and the UI read. Field names are ours (camelCase); the
 * RESO names they came from are noted where they differ.
 */

/** RESO StandardStatus, as display strings. */
export const LISTING_STATUSES = [
  'Active',
  'Active Under Contract',
  'Coming Soon',
  'Pending',
  'Closed',
  'Canceled',
  'Expired',
  'Hold',
  'Withdrawn',
  'Delete',
  'Incomplete',
] as const;
export const ListingStatusSchema = z.enum(LISTING_STATUSES);
export type ListingStatus = z.infer<typeof ListingStatusSchema>;

export const ListingAddressSchema = z.object({
  streetNumber: z.string().optional(),
  streetDirPrefix: z.string().optional(),
  streetName: z.string().optional(),
  streetSuffix: z.string().optional(),
  streetDirSuffix: z.string().optional(),
  unitNumber: z.string().optional(),
  city: z.string().optional(),
  stateOrProvince: z.string().optional(),
  postalCode: z.string().optional(),
  /** RESO UnparsedAddress, when the feed sent one. */
  unparsed: z.string().optional(),
});
export type ListingAddress = z.infer<typeof ListingAddressSchema>;

export const ListingPhotoSchema = z.object({
  url: z.string().min(1).max(2000),
  order: z.number(),
  preferred: z.boolean(),
  width: z.number().positive().optional(),
  height: z.number().positive().optional(),
  caption: z.string().optional(),
});
export type ListingPhoto = z.infer<typeof ListingPhotoSchema>;

export const OpenHouseSchema = z.object({
  /** ISO 8601 instants (UTC offsets resolved at import). */
  start: z.string(),
  end: z.string().optional(),
  remarks: z.string().optional(),
});
export type OpenHouse = z.infer<typeof OpenHouseSchema>;

export const ListingSchema = z.object({
  listingKey: z.string().min(1).max(255),
  listingId: z.string().optional(),
  status: ListingStatusSchema.nullable(),
  listPrice: z.number().nonnegative().nullable(),
  previousListPrice: z.number().nonnegative().nullable(),
  originalListPrice: z.number().nonnegative().nullable(),
  closePrice: z.number().nonnegative().nullable(),
  address: ListingAddressSchema,
  bedrooms: z.number().nonnegative().nullable(),
  bathrooms: z.number().nonnegative().nullable(),
  livingArea: z.number().nonnegative().nullable(),
  /** 'sq ft' or 'm²' (RESO LivingAreaUnits). */
  livingAreaUnits: z.enum(['sq ft', 'm²']),
  yearBuilt: z.number().int().nullable(),
  propertyType: z.string().nullable(),
  propertySubType: z.string().nullable(),
  publicRemarks: z.string(),
  /** Advertisable photos only, primary first. */
  photos: z.array(ListingPhotoSchema),
  openHouses: z.array(OpenHouseSchema),
  /** Multi-value lookups, as display strings (InteriorFeatures, Appliances, …). */
  features: z.record(z.string(), z.array(z.string())),
  /** RESO InternetEntireListingDisplayYN (false: no online advertising at all). */
  internetDisplay: z.boolean(),
  /** RESO InternetAddressDisplayYN (false: no street address online). */
  internetAddressDisplay: z.boolean(),
  listAgentFullName: z.string().optional(),
  listOfficeName: z.string().optional(),
  modificationTimestamp: z.string().nullable(),
});
export type Listing = z.infer<typeof ListingSchema>;

/** A problem with one record of an import: which record, which RESO field, what is wrong. */
export interface RecordError {
  index: number;
  field: string;
  message: string;
}
