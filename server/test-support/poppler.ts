/** Reads PDFs the way a user's tools do: poppler's pdftotext, pdffonts and pdftoppm (Debian `poppler-utils`). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withFile<T>(pdf: Uint8Array, fn: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'rb-pdf-'));
  try {
    const path = join(dir, 'in.pdf');
    writeFileSync(path, pdf);
    return fn(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfText(pdf: Uint8Array, opts: { bbox?: boolean } = {}): string {
  return withFile(pdf, (path) => execFileSync('pdftotext', [...(opts.bbox ? ['-bbox'] : ['-layout']), path, '-'], { encoding: 'utf8' }));
}

export interface PdfFontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

export function pdfFonts(pdf: Uint8Array): PdfFontRow[] {
  const out = withFile(pdf, (path) => execFileSync('pdffonts', [path], { encoding: 'utf8' }));
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      // name type... encoding emb sub uni objectID gen
      const n = cols.length;
      return {
        name: cols[0]!,
        type: cols.slice(1, n - 6).join(' '),
        embedded: cols[n - 5] === 'yes',
        subset: cols[n - 4] === 'yes',
        unicode: cols[n - 3] === 'yes',
      };
    });
}

/** Page `page` (1-based) as PNG bytes at `dpi`. */
export function pdfPagePng(pdf: Uint8Array, dpi: number, page = 1, opts: { cropToTrim?: boolean } = {}): Buffer {
  return withFile(pdf, (path, dir) => {
    execFileSync('pdftoppm', [
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      '-png',
      '-singlefile',
      ...(opts.cropToTrim ? ['-cropbox'] : []),
      path,
      join(dir, 'out'),
    ]);
    return readFileSync(join(dir, 'out.png'));
  });
}
