/**
 * A structural check of a Yjs (v1) update, without building it.
 *
 * Why: `Y.applyUpdate` reads all structs before it integrates any, but reads
 * and applies the delete set after them, so a bad delete set would leave the
 * document half-changed. The check walks the whole encoding (structs and delete
 * set) with bounds checks and allocates nothing; `Y.decodeUpdate`, which this
 * replaces on the edit path, builds every struct only to throw it away.
 *
 * It is at least as strict as Yjs' reader wherever a bad byte could surface
 * only after integration has started: if this accepts, Yjs can fail only while
 * reading structs (e.g. invalid UTF-8 or JSON inside content), before anything
 * changed. Format: yjs src/utils/encoding.js (readClientsStructRefs,
 * readItemContent, readAndApplyDeleteSet) and lib0 decoding (readAny).
 */

class Malformed extends Error {}

/** Walks `bytes` from `pos`; every read checks bounds. */
class Walker {
  pos = 0;
  constructor(private readonly bytes: Uint8Array) {}

  byte(): number {
    if (this.pos >= this.bytes.length) throw new Malformed();
    return this.bytes[this.pos++]!;
  }

  varUint(): number {
    let num = 0;
    let mult = 1;
    for (;;) {
      const r = this.byte();
      num += (r & 0x7f) * mult;
      if (r < 0x80) return num;
      mult *= 128;
      if (num > Number.MAX_SAFE_INTEGER) throw new Malformed();
    }
  }

  /** A count of things that each take at least one byte: more than the bytes left is malformed. */
  count(): number {
    const n = this.varUint();
    if (n > this.bytes.length - this.pos) throw new Malformed();
    return n;
  }

  skip(n: number): void {
    if (n > this.bytes.length - this.pos) throw new Malformed();
    this.pos += n;
  }

  /** varString and varUint8Array: a length, then that many bytes. */
  skipSized(): void {
    this.skip(this.varUint());
  }

  /** An id (client, clock) or a delete range (clock, length): two varUints. */
  skipId(): void {
    this.varUint();
    this.varUint();
  }

  /** lib0 varInt: same byte layout as varUint for skipping. */
  skipVarInt(): void {
    while (this.byte() >= 0x80);
  }

  /** lib0 `readAny`. */
  skipAny(depth = 0): void {
    if (depth > 64) throw new Malformed();
    switch (this.byte()) {
      case 127: // undefined
      case 126: // null
      case 121: // false
      case 120: // true
        return;
      case 125: // integer
        return this.skipVarInt();
      case 124: // float32
        return this.skip(4);
      case 123: // float64
      case 122: // bigint64
        return this.skip(8);
      case 119: // string
      case 116: // Uint8Array
        return this.skipSized();
      case 118: {
        // object: key, value pairs
        const n = this.count();
        for (let i = 0; i < n; i++) {
          this.skipSized();
          this.skipAny(depth + 1);
        }
        return;
      }
      case 117: {
        // array
        const n = this.count();
        for (let i = 0; i < n; i++) this.skipAny(depth + 1);
        return;
      }
      default:
        throw new Malformed();
    }
  }

  /** An item's content, by the ref in the info byte's low 5 bits (yjs contentRefs). */
  skipContent(ref: number): void {
    switch (ref) {
      case 1: // deleted: length
        this.varUint();
        return;
      case 2: {
        // JSON: strings
        const n = this.count();
        for (let i = 0; i < n; i++) this.skipSized();
        return;
      }
      case 3: // binary
      case 4: // string
      case 5: // embed (JSON string)
        this.skipSized();
        return;
      case 6: // format: key, JSON string
        this.skipSized();
        this.skipSized();
        return;
      case 7: {
        // type: typeRef; XmlElement (3) and XmlHook (5) carry a name
        const typeRef = this.varUint();
        if (typeRef > 6) throw new Malformed();
        if (typeRef === 3 || typeRef === 5) this.skipSized();
        return;
      }
      case 8: {
        // any
        const n = this.count();
        for (let i = 0; i < n; i++) this.skipAny();
        return;
      }
      case 9: // subdocument: guid, options
        this.skipSized();
        this.skipAny();
        return;
      default:
        throw new Malformed();
    }
  }
}

/** True if `update` is a structurally complete Yjs v1 update (structs, then delete set). */
export function isWellFormedUpdate(update: Uint8Array): boolean {
  const w = new Walker(update);
  try {
    const clients = w.count();
    for (let c = 0; c < clients; c++) {
      const structs = w.count();
      w.varUint(); // client
      w.varUint(); // first clock
      for (let s = 0; s < structs; s++) {
        const info = w.byte();
        const ref = info & 0x1f;
        if (ref === 0 || ref === 10) {
          w.varUint(); // GC or Skip: length
          continue;
        }
        const hasOrigin = (info & 0x80) !== 0;
        const hasRightOrigin = (info & 0x40) !== 0;
        if (hasOrigin) w.skipId();
        if (hasRightOrigin) w.skipId();
        if (!hasOrigin && !hasRightOrigin) {
          // Parent: a root type's name, or the id of the item that holds the type.
          if (w.varUint() === 1) w.skipSized();
          else w.skipId();
          if ((info & 0x20) !== 0) w.skipSized(); // parentSub (map key)
        }
        w.skipContent(ref);
      }
    }
    const dsClients = w.count();
    for (let c = 0; c < dsClients; c++) {
      w.varUint(); // client
      const ranges = w.count();
      for (let r = 0; r < ranges; r++) w.skipId(); // clock, length
    }
    return true;
  } catch (err) {
    if (err instanceof Malformed || err instanceof RangeError) return false;
    throw err;
  }
}
