/**
 * Renders templates to SVG and PNG with the product's own renderer (shared/render; PNG via resvg)
 * to look at them. Empty photo frames are drawn as neutral tiles.
 *   npx tsx templates/tools/preview-cli.ts [id ...] [--kit alt] [--out /tmp/preview]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_BRAND_KIT, instantiateTemplate } from '../../shared/index.js';
import { designPng, designSvg } from '../../server/render/index.js';
import { TEMPLATES } from '../index.js';
import { ALT_KIT } from './kits.js';

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
const ids = args.filter((a) => !a.startsWith('--'));
const images = { dataDir: '/nonexistent' };
mkdirSync(out, { recursive: true });
for (const t of TEMPLATES.filter((t) => ids.length === 0 || ids.includes(t.id))) {
  const design = instantiateTemplate(t, kit);
  const file = join(out, `${t.id}${kit === ALT_KIT ? '-alt' : ''}`);
  for (let page = 0; page < (design.meta.pages ?? 1); page++) {
    const suffix = page ? `-p${page + 1}` : '';
    writeFileSync(`${file}${suffix}.svg`, (await designSvg(design, images, { page, photoStandIns: true })).svg);
    writeFileSync(`${file}${suffix}.png`, (await designPng(design, images, { page, photoStandIns: true })).png);
    console.log(`${file}${suffix}.png`);
  }
}
