/**
 * Renders templates to SVG and PNG (headless Chromium) to look at them.
 *   npx tsx templates/tools/preview-cli.ts [id ...] [--kit alt] [--bleed] [--out /tmp/preview]
 * A script of its own: the server bundles preview.ts for its thumbnails.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_BRAND_KIT, instantiateTemplate } from '../../shared/index.js';
import { TEMPLATES } from '../index.js';
import { ALT_KIT } from './kits.js';
import { renderSvg } from './preview.js';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const kit = flag('--kit') === 'alt' ? ALT_KIT : DEMO_BRAND_KIT;
const out = flag('--out') ?? '/tmp/preview';
const bleed = args.includes('--bleed');
const ids = args.filter((a) => !a.startsWith('--'));
mkdirSync(out, { recursive: true });
for (const t of TEMPLATES.filter((t) => ids.length === 0 || ids.includes(t.id))) {
  const { svg, width, height } = renderSvg(instantiateTemplate(t, kit), kit, { showBleed: bleed });
  const file = join(out, `${t.id}${kit === ALT_KIT ? '-alt' : ''}`);
  writeFileSync(`${file}.svg`, svg);
  execFileSync('/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--screenshot=${file}.png`, `--window-size=${width},${height}`, `file://${file}.svg`], { stdio: 'ignore' });
  console.log(`${file}.png`);
}
