export * from './types.js';
export { UserRepository } from './users.js';
export { BrokerageRepository } from './brokerages.js';
export { DesignRepository } from './designs.js';
export { SessionRepository } from './sessions.js';
export { ShareRepository, type DesignShare, type ShareAccess } from './shares.js';
export { InviteRepository, type Invite } from './invites.js';
export { withTenant, TENANT_ROLE } from './tenant.js';
export { tokenSecret } from './settings.js';
