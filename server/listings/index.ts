export { ListingRepository, listingChanges, type FieldChange, type ListingRecord, type ListingSummary, type ListingSource, type UpsertOutcome } from './repo.js';
export { ListingImporter, ImportPayloadError, type ImportResult } from './importer.js';
export { DesignListingService, agentProfile, mergeListingForNewDesign, type MergeRecord, type PendingUpdate, type AppliedUpdate } from './merge-service.js';
export { currentDesign, loadDoc } from './design-docs.js';
