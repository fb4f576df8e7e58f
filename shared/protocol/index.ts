/**
 * The collaboration wire protocol: standard y-websocket framing (a varuint
 * message type, then the payload), plus one message type of our own.
 *
 * - 0 sync (y-protocols/sync: step 1 = state vector, step 2 = diff, 2 = update)
 * - 1 awareness (y-protocols/awareness update)
 * - 2 auth (y-protocols/auth; sent by the server only to deny)
 * - 3 query awareness (client asks for all awareness states)
 * - 100 durable ack (ours): sent only to clients that connected with `?ack=1`.
 *   Payload: varuint N = how many document-changing messages (sync step 2 and
 *   update) this connection has sent that are now committed to the database.
 *   A client that counts the messages it sends knows all its changes are
 *   saved when N equals its count. Stock clients never receive it.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  durableAck: 100,
} as const;

export const SyncMessageType = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;

/** WebSocket close codes used by the collaboration endpoint, each sent with a reason. */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  unsupportedData: 1003,
  invalidPayload: 1007,
  policyViolation: 1008,
  messageTooBig: 1009,
  internalError: 1011,
  serviceRestart: 1012,
  /** A dependency is away (the database): nothing of this socket's unacknowledged changes was kept; reconnect later. */
  tryAgainLater: 1013,
  unauthenticated: 4401,
  forbidden: 4403,
  notFound: 4404,
  accessRevoked: 4410,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Query parameter a client sets to receive durable acks. */
export const ACK_PARAM = 'ack';

/** True when a raw client frame changes the document (sync step 2 or update). */
export function isDocumentChange(frame: Uint8Array): boolean {
  return frame.length >= 2 && frame[0] === MessageType.sync && (frame[1] === SyncMessageType.step2 || frame[1] === SyncMessageType.update);
}
export * from './presence.js';
export { parsePresenceState } from './presence-read.js';
