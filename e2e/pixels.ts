/**
 * Pixels for the render-match spec: a small PNG reader and writer (8-bit RGB/RGBA, what Chromium
 * and pdftoppm write) and a tolerant image comparison.
 */
import { crc32, deflateSync, inflateSync } from 'node:zlib';

export interface Rgba {
  width: number;
  height: number;
  /** width × height × 4 bytes. */
  data: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function decodePng(png: Uint8Array): Rgba {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (!buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (at < buf.length) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const body = buf.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const depth = body[8];
      const colour = body[9];
      if (depth !== 8 || (colour !== 2 && colour !== 6) || body[12] !== 0)
        throw new Error(`unsupported PNG (depth ${depth}, colour ${colour})`);
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = rows.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? rows.subarray((y - 1) * stride, y * stride) : null;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[i - channels]! : 0;
      const b = up ? up[i]! : 0;
      const c = up && i >= channels ? up[i - channels]! : 0;
      let v = line[i]!;
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[i] = v & 0xff;
    }
  }
  if (channels === 4) return { width, height, data: rows };
  const data = new Uint8Array(width * height * 4);
  for (let p = 0, q = 0; p < rows.length; p += 3, q += 4) {
    data[q] = rows[p]!;
    data[q + 1] = rows[p + 1]!;
    data[q + 2] = rows[p + 2]!;
    data[q + 3] = 255;
  }
  return { width, height, data };
}

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
  return Buffer.concat([head, body, crc]);
}

export function encodePng(img: Rgba): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(img.width, 0);
  ihdr.writeUInt32BE(img.height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const stride = img.width * 4;
  const raw = Buffer.alloc(img.height * (stride + 1));
  for (let y = 0; y < img.height; y++) raw.set(img.data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]);
}

export interface Comparison {
  /** Pixels that differ by more than the threshold from every pixel near them in the other image. */
  different: number;
  total: number;
  share: number;
  /** The second image greyed out, differing pixels in red. */
  diff: Rgba;
}

/**
 * Compares two images of the same size, per pixel, tolerating anti-aliased edges and sub-pixel
 * shifts: a pixel differs when no pixel within `radius` in the other image is within `threshold`
 * (largest channel difference, 0–255), in either direction. Text set on a different line, a
 * missing shape or a wrong colour show up; the two rasterisers' edge smoothing does not.
 */
export function compareImages(a: Rgba, b: Rgba, { threshold = 64, radius = 2 } = {}): Comparison {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`sizes differ: ${a.width}×${a.height} vs ${b.width}×${b.height}`);
  const { width: w, height: h } = a;
  const diff = new Uint8Array(w * h * 4);
  const near = (src: Uint8Array, other: Uint8Array, x: number, y: number): boolean => {
    const p = (y * w + x) * 4;
    for (let dy = -radius; dy <= radius; dy++) {
      const yy = y + dy;
      if (yy < 0 || yy >= h) continue;
      for (let dx = -radius; dx <= radius; dx++) {
        const xx = x + dx;
        if (xx < 0 || xx >= w) continue;
        const q = (yy * w + xx) * 4;
        if (
          Math.abs(src[p]! - other[q]!) <= threshold &&
          Math.abs(src[p + 1]! - other[q + 1]!) <= threshold &&
          Math.abs(src[p + 2]! - other[q + 2]!) <= threshold
        )
          return true;
      }
    }
    return false;
  };
  let different = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = (y * w + x) * 4;
      const same =
        (Math.abs(a.data[p]! - b.data[p]!) <= threshold &&
          Math.abs(a.data[p + 1]! - b.data[p + 1]!) <= threshold &&
          Math.abs(a.data[p + 2]! - b.data[p + 2]!) <= threshold) ||
        (near(a.data, b.data, x, y) && near(b.data, a.data, x, y));
      if (same) {
        const grey = 200 + ((a.data[p]! + a.data[p + 1]! + a.data[p + 2]!) / 3) * (55 / 255);
        diff[p] = diff[p + 1] = diff[p + 2] = grey;
      } else {
        different++;
        diff[p] = 255;
        diff[p + 1] = 0;
        diff[p + 2] = 0;
      }
      diff[p + 3] = 255;
    }
  }
  return { different, total: w * h, share: different / (w * h), diff: { width: w, height: h, data: diff } };
}
