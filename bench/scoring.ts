/**
 * Scoring benchmark: a 300-object design scored by the rule engine, as the
 * server does after each change (incremental read of the live doc + score).
 * Target from issue 5: p99 under 5 ms. Prints figures and the ratio to target.
 */
import * as Y from 'yjs';
import {
  DEMO_BRAND_KIT,
  instantiateTemplate,
  objectsMap,
  objectToYMap,
  scoreDesign,
  spacedKeys,
  writeDesign,
  type DesignObject,
  type RuleContext,
} from '../shared/index.js';
import { getTemplate } from '../templates/index.js';
import { LiveDesign } from '../server/scoring/live-design.js';
import { fmtMs, percentiles, ratio } from './stats.js';

const TARGET_P99_MS = 5;
const OBJECTS = 300;
const RUNS = Number(process.env.BENCH_SCORING_RUNS ?? 2000);

const COPY = [
  'Sun-filled living room with vaulted ceilings and a wood-burning fireplace.',
  'Chef’s kitchen with quartz counters, a gas range and a walk-in pantry.',
  'Primary suite with a spa bath, double vanity and a large walk-in closet.',
  'Walking distance to parks, shops and the farmers market.',
  'Fenced backyard with a covered patio and mature oak trees.',
  'Perfect for a couple with no kids',
];

function buildDesign() {
  const template = getTemplate('listing-flyer')!;
  const design = instantiateTemplate(template, DEMO_BRAND_KIT, { title: 'Bench' });
  const extra = OBJECTS - Object.keys(design.objects).length;
  const keys = spacedKeys(extra).map((k) => `zz${k}`);
  for (let i = 0; i < extra; i++) {
    const id = `bench-${i}`;
    const x = 24 + (i % 10) * 76;
    const y = 24 + Math.floor(i / 10) * 33;
    const object: DesignObject =
      i % 3 === 0
        ? { id, type: 'rect', x, y, width: 70, height: 28, angle: 0, z: keys[i]!, fill: i % 2 ? '#1f3a5f' : '#edf2f7' }
        : {
            id,
            type: 'text',
            x,
            y,
            width: 70,
            height: 28,
            angle: 0,
            z: keys[i]!,
            text: COPY[i % COPY.length]!,
            fontFamily: 'Open Sans',
            fontSize: 12,
            fontWeight: 400,
            fill: '#1f3a5f',
            textAlign: 'left',
          };
    design.objects[id] = object;
  }
  return design;
}

async function main(): Promise<void> {
  const design = buildDesign();
  const ctx: RuleContext = {
    brandKit: DEMO_BRAND_KIT,
    rulePacks: DEMO_BRAND_KIT.rulePacks,
    agents: [{ name: 'Sam Carter', licenseNumbers: { TX: '0654321' } }],
  };
  const load = (globalThis as { process: NodeJS.Process }).process && (await import('node:os')).loadavg()[0]!.toFixed(1);
  console.log(
    `\nScoring benchmark: ${Object.keys(design.objects).length} objects, ${RUNS} runs (node ${process.version}, load average ${load}; wall-clock times, so a busy machine inflates the tail)`,
  );

  // 1. The engine alone on a plain Design.
  for (let i = 0; i < 200; i++) scoreDesign(design, ctx); // warm-up (patterns compile once per process)
  const engine: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    scoreDesign(design, ctx);
    engine.push(performance.now() - t);
  }

  // 2. As the server does it: one text edit in the live doc, incremental read, score.
  const doc = new Y.Doc();
  writeDesign(doc, design);
  const live = new LiveDesign(doc);
  live.read();
  const texts = Object.values(design.objects)
    .filter((o) => o.type === 'text' && !o.locked)
    .map((o) => o.id);
  const live1: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    objectsMap(doc)
      .get(texts[i % texts.length]!)!
      .set('text', `${COPY[i % COPY.length]} ${i}`);
    const t = performance.now();
    scoreDesign(live.read(), ctx);
    live1.push(performance.now() - t);
  }
  // 3. Worst case: every object changed since the last score (a full re-read).
  const full: number[] = [];
  for (let i = 0; i < Math.min(RUNS, 300); i++) {
    doc.transact(() => objectsMap(doc).forEach((m, id) => m.set('x', (design.objects[id]!.x + i) % 700)));
    const t = performance.now();
    scoreDesign(live.read(), ctx);
    full.push(performance.now() - t);
  }
  void objectToYMap;

  const rows: Array<[string, number[]]> = [
    ['engine only (plain Design)', engine],
    ['live doc, one edit → read + score', live1],
    ['live doc, all 300 objects changed', full],
  ];
  console.log('\n| workload | p50 ms | p95 ms | p99 ms | max ms | p99 vs 5 ms target |');
  console.log('|---|---|---|---|---|---|');
  for (const [name, samples] of rows) {
    const p = percentiles(samples);
    console.log(`| ${name} | ${fmtMs(p.p50)} | ${fmtMs(p.p95)} | ${fmtMs(p.p99)} | ${fmtMs(p.max)} | ${ratio(p.p99, TARGET_P99_MS)} |`);
  }
  const findings = scoreDesign(design, ctx).findings.length;
  console.log(`\n(${findings} findings on the bench design, including one Fair Housing error.)`);
}

await main();
