export * from './types.js';
export { UserRepository } from './users.js';
export { BrokerageRepository } from './brokerages.js';
export { DesignRepository } from './designs.js';
export { SessionRepository } from './sessions.js';
export { tokenSecret } from './settings.js';
