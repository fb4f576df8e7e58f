/**
 * The brand faces a design draws with (the demo kit's; brand-fonts.ts loads them), downloaded as soon
 * as an editor URL opens. Names only, no CSS: the build reads this module too.
 */
export const EDITOR_FONT_FACES: ReadonlyArray<readonly [family: string, weight: number]> = [
  ['Open Sans', 400],
  ['Open Sans', 600],
  ['Open Sans', 700],
  ['Montserrat', 600],
  ['Montserrat', 700],
  ['Montserrat', 800],
];
/** The built file of each of those faces' Latin subset (fontsource's names: `open-sans-latin-600-normal-<hash>.woff2`). */
export const EDITOR_FONT_FILE = new RegExp(
  `(^|/)(${EDITOR_FONT_FACES.map(([family, weight]) => `${family.toLowerCase().replace(/ /g, '-')}-latin-${weight}-normal`).join('|')})-[\\w-]+\\.woff2$`,
);
