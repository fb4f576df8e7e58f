/**
 * The template library: every JSON document in this folder, imported
 * statically (works under tsx/Node and in Vite), validated at load.
 * Add a template: write tools/sources/<id>.ts, run `npx tsx templates/tools/build.ts`,
 * then list the JSON below.
 */
import { TemplateSchema, summarizeTemplate, type Template, type TemplateSummary } from '../shared/index.js';
import listingFlyer from './listing-flyer.json' with { type: 'json' };
import openHouseFlyer from './open-house-flyer.json' with { type: 'json' };
import justListedPost from './just-listed-post.json' with { type: 'json' };
import justSoldPost from './just-sold-post.json' with { type: 'json' };
import listingStory from './listing-story.json' with { type: 'json' };
import postcard from './postcard.json' with { type: 'json' };
import businessCard from './business-card.json' with { type: 'json' };
import emailSignature from './email-signature.json' with { type: 'json' };
import featureSheet from './feature-sheet.json' with { type: 'json' };
import priceReduced from './price-reduced.json' with { type: 'json' };

/** Raw documents in catalogue order (listing-flyer first: the server seeds it). */
const RAW: readonly unknown[] = [
  listingFlyer,
  openHouseFlyer,
  justListedPost,
  justSoldPost,
  listingStory,
  postcard,
  businessCard,
  emailSignature,
  featureSheet,
  priceReduced,
];

function load(raw: unknown, index: number): Template {
  const parsed = TemplateSchema.safeParse(raw);
  if (!parsed.success) {
    const id = (raw as { id?: unknown } | null)?.id ?? `#${index}`;
    throw new Error(`template ${String(id)} is invalid: ${parsed.error.message}`);
  }
  return parsed.data;
}

export const TEMPLATES: readonly Template[] = Object.freeze(RAW.map(load));

const BY_ID = new Map(TEMPLATES.map((t) => [t.id, t]));
if (BY_ID.size !== TEMPLATES.length) throw new Error('template ids are not unique');

/** The template with this id, or undefined. */
export function getTemplate(id: string): Template | undefined {
  return BY_ID.get(id);
}

export function templateSummaries(): TemplateSummary[] {
  return TEMPLATES.map(summarizeTemplate);
}

export type { Template, TemplateSummary };
