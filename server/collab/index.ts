export { registerCollabRoute, type CollabRouteOptions } from './handler.js';
export { RoomManager, type RoomManagerOptions } from './rooms.js';
export { Room, REMOTE, SERVER, LOADED, type ChangeGuard, type Editor } from './room.js';
export { Connection, type Principal } from './connection.js';
export { DocumentStore, type LoggedUpdate, type StoredDocument } from './store.js';
export { BusFanout, InProcessFanout, type Fanout, type FanoutMessage } from './fanout.js';
export { decodeClientMessage, ProtocolError } from './protocol.js';
export { applyIntegrable, encodeIntegrated } from './integrate.js';
export { currentDesign, designState, loadStoredDoc } from './read-design.js';
export { PresenceDirectory, type ActiveSession } from './presence-directory.js';
export {
  DesignChangeFeed,
  DESIGN_CHANGE_INTERVAL_MS,
  type DesignChanges,
  type PersonChanges as DesignPersonChanges,
} from './design-changes.js';
export { byPriority, combineGuards, type RoomExtension } from './extensions.js';
export { createLockGuard, lockGuard, type LockGuardOptions, type LockChange, type Reverted } from './guard.js';
