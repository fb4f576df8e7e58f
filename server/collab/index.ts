export { registerCollabRoute, type CollabRouteOptions } from './handler.js';
export { RoomManager, type RoomManagerOptions } from './rooms.js';
export { Room, REMOTE, SERVER, LOADED, type ChangeGuard } from './room.js';
export { Connection, type Principal } from './connection.js';
export { DocumentStore, type LoggedUpdate, type StoredDocument } from './store.js';
export { BusFanout, InProcessFanout, type Fanout, type FanoutMessage } from './fanout.js';
export { decodeClientMessage, ProtocolError } from './protocol.js';
export { currentDesign, designState, loadStoredDoc } from './read-design.js';
export { PresenceDirectory, type ActiveSession } from './presence-directory.js';
