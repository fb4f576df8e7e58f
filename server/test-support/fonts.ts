/**
 * Real font files for tests: the bundled Montserrat's WOFF decoded to the TTF it wraps, and the
 * same font given a name of its own (so a PDF's font list shows which file was embedded).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { woffToSfnt } from '../../shared/render/woff.js';
import { projectPath } from '../paths.js';

const require = createRequire(projectPath('package.json'));

/** A TrueType file (family "Montserrat" in its name table, latin glyphs). */
export function testTtf(weight: 400 | 700 = 700): Uint8Array {
  return woffToSfnt(new Uint8Array(readFileSync(require.resolve(`@fontsource/montserrat/files/montserrat-latin-${weight}-normal.woff`))));
}

/** A WOFF2 file as a browser would be given it (Open Sans italic). */
export function testWoff2(): Uint8Array {
  return new Uint8Array(readFileSync(require.resolve('@fontsource/open-sans/files/open-sans-latin-400-italic.woff2')));
}

/** `testTtf(weight)` with its name table replaced: family `family`, PostScript name `family` without spaces. */
export function namedTtf(family: string, weight: 400 | 700 = 700): Uint8Array {
  const sfnt = testTtf(weight);
  const v = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const count = v.getUint16(4);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    const e = 12 + i * 16;
    const tag = String.fromCharCode(...sfnt.subarray(e, e + 4));
    tables.set(tag, sfnt.subarray(v.getUint32(e + 8), v.getUint32(e + 8) + v.getUint32(e + 12)));
  }
  const sub = weight === 700 ? 'Bold' : 'Regular';
  const ps = `${family.replace(/\s+/g, '')}-${sub}`;
  const names: Array<[number, string]> = [
    [1, family],
    [2, sub],
    [4, `${family} ${sub}`],
    [6, ps],
  ];
  const strings = names.map(([, s]) => Buffer.from(s, 'utf16le').swap16());
  const head = 6 + 12 * names.length;
  const name = new Uint8Array(head + strings.reduce((n, s) => n + s.length, 0));
  const nv = new DataView(name.buffer);
  nv.setUint16(2, names.length);
  nv.setUint16(4, head);
  let off = 0;
  names.forEach(([id], i) => {
    const r = 6 + i * 12;
    nv.setUint16(r, 3);
    nv.setUint16(r + 2, 1);
    nv.setUint16(r + 4, 0x409);
    nv.setUint16(r + 6, id);
    nv.setUint16(r + 8, strings[i]!.length);
    nv.setUint16(r + 10, off);
    name.set(strings[i]!, head + off);
    off += strings[i]!.length;
  });
  tables.set('name', name);
  const tags = [...tables.keys()].sort();
  const dir = 12 + 16 * tags.length;
  const out = new Uint8Array(dir + tags.reduce((n, t) => n + ((tables.get(t)!.length + 3) & ~3), 0));
  const o = new DataView(out.buffer);
  out.set(sfnt.subarray(0, 12));
  let at = dir;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const r = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[r + k] = tag.charCodeAt(k);
    let sum = 0;
    for (let k = 0; k < data.length; k += 4)
      sum = (sum + ((data[k]! << 24) | ((data[k + 1] ?? 0) << 16) | ((data[k + 2] ?? 0) << 8) | (data[k + 3] ?? 0))) >>> 0;
    o.setUint32(r + 4, sum);
    o.setUint32(r + 8, at);
    o.setUint32(r + 12, data.length);
    out.set(data, at);
    at += (data.length + 3) & ~3;
  });
  return out;
}
