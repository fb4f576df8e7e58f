/**
 * What a client may say in presence (y-protocols awareness). A socket speaks only for the
 * awareness client ids it introduced (or that its own person held, e.g. before a reconnect),
 * only a few of them, each with a small state of the PresenceState shape; the `user` shown
 * to others (id, name, colour) is the authenticated person's, whatever the client wrote.
 * Entries for other people's ids are dropped, not fatal: a stock y-websocket client echoes
 * every presence change it hears back to the server.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { CloseCode, PresenceStateSchema, userColor } from '../../shared/index.js';
import type { Principal } from './connection.js';
import { ProtocolError } from './protocol.js';

/** Largest presence state (its JSON) a client may publish. */
export const MAX_PRESENCE_STATE_BYTES = 4 * 1024;
/** Awareness client ids one socket may hold (a stock client uses one). */
export const MAX_AWARENESS_IDS_PER_SOCKET = 4;

export interface PresenceOwnership {
  /** Ids this socket holds now. */
  mine: ReadonlySet<number>;
  /** Who holds an id now (another local socket's person, or the user of its state; null: nobody) and its clock (-1: never seen). */
  holder(clientId: number): { userId: string | null; clock: number };
}

/**
 * Checks one awareness update from `principal`'s socket and returns what may be applied,
 * re-encoded with the server's `user` in every state, and the ids newly claimed (null when
 * nothing is left). Someone else's ids are dropped; a newer state for an id the same person
 * held elsewhere takes it over. Throws ProtocolError (the socket is closed) on too many ids,
 * an oversized or a malformed state.
 */
export function admitPresence(
  update: Uint8Array,
  principal: Principal,
  owned: PresenceOwnership,
): { update: Uint8Array; claimed: number[] } | null {
  const entries: Array<{ id: number; clock: number; state: string }> = [];
  try {
    const d = decoding.createDecoder(update);
    const n = decoding.readVarUint(d);
    // A count beyond what the bytes can hold is malformed (each entry takes at least 3 bytes).
    if (n > update.length) throw new ProtocolError(CloseCode.invalidPayload, 'malformed awareness update');
    for (let i = 0; i < n; i++) {
      const id = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      const len = decoding.peekVarUint(d);
      if (len > update.length - d.pos) throw new ProtocolError(CloseCode.invalidPayload, 'malformed awareness update');
      if (len > MAX_PRESENCE_STATE_BYTES * 4)
        throw new ProtocolError(CloseCode.messageTooBig, `presence state larger than ${MAX_PRESENCE_STATE_BYTES} bytes`);
      entries.push({ id, clock, state: decoding.readVarString(d) });
    }
    if (d.pos !== update.length) throw new ProtocolError(CloseCode.invalidPayload, 'malformed awareness update');
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError(CloseCode.invalidPayload, 'malformed awareness update');
  }

  const held = new Set(owned.mine);
  const claimed: number[] = [];
  const kept: typeof entries = [];
  for (const entry of entries) {
    if (!owned.mine.has(entry.id)) {
      const holder = owned.holder(entry.id);
      // An echo or a stale state (not newer), another person's id, or a removal of an id we never held: not ours to change.
      if (entry.clock <= holder.clock) continue;
      if (holder.userId !== null && holder.userId !== principal.userId) continue;
      if (entry.state === 'null') continue;
      held.add(entry.id);
      claimed.push(entry.id);
      if (held.size > MAX_AWARENESS_IDS_PER_SOCKET)
        throw new ProtocolError(CloseCode.policyViolation, `at most ${MAX_AWARENESS_IDS_PER_SOCKET} awareness client ids per connection`);
    }
    kept.push(entry);
  }
  if (kept.length === 0) return null;
  const out = encoding.createEncoder();
  encoding.writeVarUint(out, kept.length);
  for (const { id, clock, state } of kept) {
    encoding.writeVarUint(out, id);
    encoding.writeVarUint(out, clock);
    encoding.writeVarString(out, JSON.stringify(checkedState(state, principal)));
  }
  return { update: encoding.toUint8Array(out), claimed };
}

/** The state as others will see it: null (gone), or the PresenceState with the server's `user`. */
function checkedState(json: string, principal: Principal): unknown {
  if (Buffer.byteLength(json) > MAX_PRESENCE_STATE_BYTES)
    throw new ProtocolError(CloseCode.messageTooBig, `presence state larger than ${MAX_PRESENCE_STATE_BYTES} bytes`);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new ProtocolError(CloseCode.invalidPayload, 'presence state is not JSON');
  }
  if (raw === null) return null;
  // The client's own `user` is replaced below; everything else must have the documented shape.
  const withUser = typeof raw === 'object' && !Array.isArray(raw) ? { ...(raw as object), user: serverUser(principal) } : raw;
  const parsed = PresenceStateSchema.safeParse(withUser);
  if (!parsed.success) throw new ProtocolError(CloseCode.invalidPayload, 'presence state does not have the expected shape');
  return parsed.data;
}

function serverUser(principal: Principal): { id: string; name: string; color: string } {
  return { id: principal.userId, name: principal.name.slice(0, 200), color: userColor(principal.userId) };
}
