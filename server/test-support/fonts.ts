/** Real font files for tests: the bundled Montserrat's WOFF decoded to the TTF it wraps. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { woffToSfnt } from '../../shared/render/woff.js';
import { projectPath } from '../paths.js';

const require = createRequire(projectPath('package.json'));

/** A TrueType file (family "Montserrat" in its name table, weight 700, latin glyphs). */
export function testTtf(weight: 400 | 700 = 700): Uint8Array {
  return woffToSfnt(new Uint8Array(readFileSync(require.resolve(`@fontsource/montserrat/files/montserrat-latin-${weight}-normal.woff`))));
}

/** A WOFF2 file as a browser would be given it (Open Sans italic). */
export function testWoff2(): Uint8Array {
  return new Uint8Array(readFileSync(require.resolve('@fontsource/open-sans/files/open-sans-latin-400-italic.woff2')));
}
