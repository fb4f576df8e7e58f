import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { CloseCode, MessageType, SyncMessageType } from '../../shared/index.js';

/** A client message, decoded and checked; anything else raises ProtocolError. */
export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  // Sync step 2 or update: same handling. `frame` is the whole message when it is a
  // standard update message, which peers can be sent as is.
  | { type: 'doc-change'; update: Uint8Array; frame: Uint8Array | null }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'auth' };

export class ProtocolError extends Error {
  constructor(
    readonly closeCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Decodes one frame: exactly one message, nothing left over. */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  if (frame.length === 0) throw new ProtocolError(CloseCode.invalidPayload, 'empty message');
  const decoder = decoding.createDecoder(frame);
  let message: ClientMessage;
  try {
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync: {
        const sub = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (sub === SyncMessageType.step1) message = { type: 'sync-step1', stateVector: payload };
        else if (sub === SyncMessageType.step2) message = { type: 'doc-change', update: payload, frame: null };
        else if (sub === SyncMessageType.update) message = { type: 'doc-change', update: payload, frame };
        else throw new ProtocolError(CloseCode.unsupportedData, `unknown sync message type ${sub}`);
        break;
      }
      case MessageType.awareness:
        message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
        break;
      case MessageType.queryAwareness:
        message = { type: 'query-awareness' };
        break;
      case MessageType.auth:
        // Clients have nothing to say in the auth sub-protocol; tolerate and ignore.
        decoder.pos = frame.length;
        message = { type: 'auth' };
        break;
      default:
        throw new ProtocolError(CloseCode.unsupportedData, `unknown message type ${type}`);
    }
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError(CloseCode.invalidPayload, 'malformed message');
  }
  if (decoder.pos !== frame.length) throw new ProtocolError(CloseCode.invalidPayload, 'trailing bytes after message');
  return message;
}

/**
 * `type [sub] varUint(length) payload` in one exactly-sized buffer: these frames
 * are built for every edit and every presence change, so no growable encoder.
 */
function framed(type: number, sub: number | null, payload: Uint8Array): Uint8Array {
  let lenBytes = 1;
  for (let n = payload.length; n > 0x7f; n = Math.floor(n / 0x80)) lenBytes++;
  const head = sub === null ? 1 : 2;
  const out = new Uint8Array(head + lenBytes + payload.length);
  out[0] = type;
  if (sub !== null) out[1] = sub;
  let pos = head;
  let n = payload.length;
  while (n > 0x7f) {
    out[pos++] = 0x80 | (n & 0x7f);
    n = Math.floor(n / 0x80);
  }
  out[pos++] = n;
  out.set(payload, pos);
  return out;
}

export const encodeSyncStep1 = (stateVector: Uint8Array) => framed(MessageType.sync, SyncMessageType.step1, stateVector);
export const encodeSyncStep2 = (diff: Uint8Array) => framed(MessageType.sync, SyncMessageType.step2, diff);
export const encodeUpdate = (update: Uint8Array) => framed(MessageType.sync, SyncMessageType.update, update);
export const encodeAwareness = (update: Uint8Array) => framed(MessageType.awareness, null, update);

/** Our durable acknowledgement (see shared/protocol). */
export function encodeDurableAck(committed: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.durableAck);
  encoding.writeVarUint(e, committed);
  return encoding.toUint8Array(e);
}
