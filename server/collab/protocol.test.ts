import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { MessageType, SyncMessageType } from '../../shared/index.js';
import { decodeClientMessage, encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './protocol.js';

/** The frame as y-protocols writes it with lib0's encoder (the reference our exact-size framing must match). */
function reference(type: number, sub: number | null, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  if (sub !== null) encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

// Byte comparison without a per-element diff (payloads up to 2 MiB).
const hex = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');

describe('frame encoders', () => {
  // Lengths around each varint boundary (1, 2, 3 and 4 length bytes).
  const lengths = [0, 1, 127, 128, 129, 300, 16_383, 16_384, 100_000, 2_097_151, 2_097_152];

  it.each(lengths)('match lib0 byte for byte for a %i-byte payload', (n) => {
    const payload = Uint8Array.from({ length: n }, (_, i) => (i * 31) & 0xff);
    expect(hex(encodeUpdate(payload)) === hex(reference(MessageType.sync, SyncMessageType.update, payload))).toBe(true);
    expect(hex(encodeSyncStep1(payload)) === hex(reference(MessageType.sync, SyncMessageType.step1, payload))).toBe(true);
    expect(hex(encodeSyncStep2(payload)) === hex(reference(MessageType.sync, SyncMessageType.step2, payload))).toBe(true);
    expect(hex(encodeAwareness(payload)) === hex(reference(MessageType.awareness, null, payload))).toBe(true);
  });

  it('round-trips through the client message decoder', () => {
    const payload = Uint8Array.from([1, 2, 3, 250]);
    const update = encodeUpdate(payload);
    expect(decodeClientMessage(update)).toEqual({ type: 'doc-change', update: payload, frame: update });
    expect(decodeClientMessage(encodeSyncStep2(payload))).toEqual({ type: 'doc-change', update: payload, frame: null });
    expect(decodeClientMessage(encodeSyncStep1(payload))).toEqual({ type: 'sync-step1', stateVector: payload });
    expect(decodeClientMessage(encodeAwareness(payload))).toEqual({ type: 'awareness', update: payload });
  });
});
