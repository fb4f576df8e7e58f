import { zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
  date?: Date;
}

/**
 * The ZIP archive of `entries` (UTF-8 names). Stored, not deflated: the entries are PDFs and
 * images, already compressed. A name used twice keeps its last entry, so callers make names unique.
 */
export function zip(entries: readonly ZipEntry[]): Uint8Array {
  const files: Zippable = {};
  for (const e of entries) files[e.name] = [e.data, { level: 0, mtime: e.date ?? new Date() }];
  return zipSync(files);
}
