export {
  ListingRepository,
  listingChanges,
  listingPhotoPath,
  parseListingPhotoPath,
  type FieldChange,
  type ListingRecord,
  type ListingSummary,
  type ListingSource,
  type UpsertOutcome,
} from './repo.js';
export { ListingImporter, ImportPayloadError, type ImportResult } from './importer.js';
export {
  DesignListingService,
  agentProfile,
  mergeListingForNewDesign,
  type MergeRecord,
  type PendingUpdate,
  type AppliedUpdate,
} from './merge-service.js';
export { ResoClient, ResoApiError, retryAfterMs, firstPageUrl, propertyUrl, type ResoClientOptions, type ResoPage } from './reso-client.js';
export { ListingSyncService, type SyncConfigInput, type SyncStatus } from './sync.js';
export { BulkDesignService, MAX_BULK_LISTINGS, fileSlug, type BulkJob } from './bulk.js';
export { zip, type ZipEntry } from './zip.js';
export { emailSignatureHtml, absoluteImageUrl } from './email-signature.js';
export { ListingPhotoService, PhotoBackoffError, PHOTO_RETRY_DELAYS_MS, type ListingPhoto } from './photos.js';
export { fetchPhoto, isPublicAddress, hostAllowed, PhotoFetchError, type PhotoFetchOptions } from './photo-fetch.js';
export { ProfileDesignUpdates } from './profile-updates.js';
