/**
 * The demo brokerage's listings: a handful of imported listings whose photos ship in the repo
 * (server/seed/demo-listings/), so a fresh install with no internet can make a finished flyer in
 * two clicks. The photos go straight into the listing-photo store under DATA_DIR, keyed by the
 * feed URL as if downloaded (see listings/photos.ts), so nothing is ever fetched for them.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Db } from '../db/index.js';
import { ListingImporter } from '../listings/importer.js';
import { projectPath } from '../paths.js';

const DIR = projectPath('server', 'seed', 'demo-listings');

/** Imports the demo listings into Demo Realty (first start only: called right after its seeding). */
export async function seedDemoListings(db: Db, dataDir: string): Promise<number> {
  const { rows } = await db.query<{ id: string }>("SELECT id FROM brokerages WHERE name = 'Demo Realty' ORDER BY created_at LIMIT 1");
  const brokerageId = rows[0]?.id;
  if (!brokerageId) return 0;
  const records = JSON.parse(await readFile(join(DIR, 'listings.json'), 'utf8')) as Array<{ Media?: Array<{ MediaURL: string }> }>;
  const photos = resolve(dataDir, 'listing-photos');
  await mkdir(photos, { recursive: true });
  for (const r of records) {
    for (const m of r.Media ?? []) {
      const bytes = await readFile(join(DIR, new URL(m.MediaURL).pathname.slice(1)));
      await writeFile(join(photos, createHash('sha256').update(m.MediaURL).digest('hex')), bytes);
    }
  }
  const result = await new ListingImporter(db).importRecords(brokerageId, records, 'upload', 'America/Chicago');
  return result.imported;
}
