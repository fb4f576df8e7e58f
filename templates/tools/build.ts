/**
 * Writes templates/<id>.json from the sources in tools/sources/ and checks
 * each against TemplateSchema. Run: npx tsx templates/tools/build.ts
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TemplateSchema } from '../../shared/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..');
for (const file of readdirSync(join(here, 'sources'))
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  const mod = (await import(join(here, 'sources', file))) as { default: { id: string } };
  const parsed = TemplateSchema.safeParse(mod.default);
  if (!parsed.success) {
    console.error(`${file}: ${parsed.error.message}`);
    process.exitCode = 1;
    continue;
  }
  writeFileSync(join(out, `${mod.default.id}.json`), JSON.stringify(mod.default, null, 2) + '\n');
  console.log(`wrote ${mod.default.id}.json`);
}
