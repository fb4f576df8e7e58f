export * from './types.js';
export { UserRepository, type ExpiringLicenseRow } from './users.js';
export { BrokerageRepository } from './brokerages.js';
export { DesignRepository } from './designs.js';
export { SessionRepository } from './sessions.js';
export { ShareRepository, type DesignShare, type ShareAccess } from './shares.js';
export { InviteRepository, type Invite } from './invites.js';
export { withTenant, TENANT_ROLE } from './tenant.js';
export { tokenSecret } from './settings.js';
export { AssetRepository, type AssetRecord } from './assets.js';
export { OfficeRepository } from './offices.js';
export { BrandFontRepository, type BrandFontRow, type NewBrandFont } from './brand-fonts.js';
export { databaseAnswers } from './health.js';
/** The database handle, for code that passes it on to a repository or opens a transaction (routes never query it). */
export type { Db, Queryable } from '../db/index.js';
