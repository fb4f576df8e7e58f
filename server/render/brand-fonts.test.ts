/**
 * Uploaded brand fonts in renders: a brokerage's uploaded family is embedded (subset) in its PDFs,
 * and never reaches another brokerage's renders (each gets a font book of its own).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BRAND_KIT, instantiateTemplate, type BrandKit, type Design } from '../../shared/index.js';
import { layeredFontBook } from '../../shared/render/font-files.js';
import { fontBook, layoutText } from '../../shared/render/index.js';
import { renderPdf } from '../../shared/render/pdf.js';
import { TEMPLATES } from '../../templates/index.js';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { namedTtf, testWoff2 } from '../test-support/fonts.js';
import { DEMO } from '../test-support/identity.js';
import { pdfFonts } from '../test-support/poppler.js';
import { api, login, startTestServer, type TestServer } from '../test-support/server.js';
import { imageLoader, loadBundledFonts } from './index.js';

const loadImage = imageLoader({ dataDir: '/nonexistent' });
const flyer = TEMPLATES.find((t) => t.id === 'listing-flyer')!;
const withHeading = (family: string): BrandKit => ({
  ...DEMO_BRAND_KIT,
  fonts: DEMO_BRAND_KIT.fonts.map((f) => (f.role === 'heading' ? { ...f, family } : f)),
});
/** The flyer in a kit whose heading font is `family`, its copy filled in (sample copy never prints). */
function flyerIn(family: string): Design {
  const design = instantiateTemplate(flyer, withHeading(family));
  for (const o of Object.values(design.objects)) if (o.type === 'text') o.text = `Harbor Point ${o.id}`;
  return design;
}
const usesFamily = (d: Design, family: string) =>
  Object.values(d.objects).some((o) => o.type === 'text' && o.fontFamily.startsWith(family));

beforeAll(() => loadBundledFonts());

describe('a brokerage font book (uploaded faces over the built-in ones)', () => {
  it('embeds the uploaded family, subset, in the PDF; the shared book knows nothing of it', async () => {
    const design = flyerIn('Harbor Test');
    expect(usesFamily(design, 'Harbor Test')).toBe(true);
    const book = layeredFontBook([{ family: 'Harbor Test', weight: 700, style: 'normal', bytes: namedTtf('Harbor Test') }]);

    const mine = pdfFonts((await renderPdf(design, { loadImage, book })).bytes);
    const harbor = mine.filter((f) => /^[A-Z]{6}\+HarborTest-Bold$/.test(f.name));
    expect(harbor.length, mine.map((f) => f.name).join(', ')).toBe(1);
    expect(harbor[0]).toMatchObject({ embedded: true, subset: true, unicode: true });
    // The built-in families still come from the base book.
    expect(mine.some((f) => f.name.includes('OpenSans'))).toBe(true);

    // Another brokerage's render of the same design (the shared book): the fallback, not the upload.
    expect(fontBook.hasOwnFamily('Harbor Test')).toBe(false);
    const theirs = pdfFonts((await renderPdf(design, { loadImage })).bytes);
    expect(theirs.some((f) => f.name.includes('HarborTest'))).toBe(false);
  });

  it('lays text out with the uploaded file’s widths, and a WOFF2 upload embeds too', async () => {
    const text = { text: 'WWWW MMMM', width: 2000, fontSize: 40, fontFamily: 'Harbor Woff', fontWeight: 400 };
    const woff = layeredFontBook([{ family: 'Harbor Woff', weight: 400, style: 'italic', bytes: testWoff2() }]);
    const fallback = layoutText(text);
    const uploaded = layoutText({ ...text, fontStyle: 'italic' }, { book: woff });
    expect(uploaded.face?.family).toBe('Harbor Woff');
    expect(fallback.face?.family).not.toBe('Harbor Woff');

    const design = flyerIn('Harbor Woff');
    const fonts = pdfFonts((await renderPdf(design, { loadImage, book: woff })).bytes);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    expect(
      fonts.some((f) => /^[A-Z]{6}\+OpenSans-Italic/.test(f.name)),
      fonts.map((f) => f.name).join(', '),
    ).toBe(true);
  });
});

describe('server renders of a brokerage’s designs', () => {
  let db: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    db = await freshPglite();
    server = await startTestServer({}, { db: await db.open() });
  });
  afterAll(async () => {
    await server?.close();
    await server?.db.close();
    await db?.drop();
  });

  it('the design PDF (export.pdf) embeds the font a brand manager uploaded and chose as the heading font', async () => {
    const brand = await login(server.url, DEMO.brand);
    const agent = await login(server.url, DEMO.agent);
    const form = new FormData();
    form.append('file', new Blob([namedTtf('Harbor Test') as Uint8Array<ArrayBuffer>]), 'harbor.ttf');
    const up = await fetch(`${server.url}/api/brand-kit/fonts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${brand}` },
      body: form,
    });
    expect(up.status).toBe(201);
    expect(((await up.json()) as { family: string }).family).toBe('Harbor Test');

    const kit = (await api<BrandKit>(server.url, brand, 'GET', '/api/brand-kit')).body;
    const next = { ...kit, fonts: kit.fonts.map((f) => (f.role === 'heading' ? { ...f, family: 'Harbor Test' } : f)) };
    expect((await api(server.url, brand, 'PUT', '/api/brand-kit', next)).status).toBe(200);

    const made = await api<{ id: string }>(server.url, agent, 'POST', '/api/designs', {
      title: 'Harbor flyer',
      templateId: 'listing-flyer',
    });
    expect(made.status).toBe(201);
    const res = await fetch(`${server.url}/api/designs/${made.body.id}/export.pdf`, { headers: { authorization: `Bearer ${agent}` } });
    expect(res.status).toBe(200);
    const fonts = pdfFonts(new Uint8Array(await res.arrayBuffer()));
    const harbor = fonts.filter((f) => f.name.endsWith('+HarborTest-Bold'));
    expect(harbor.length, fonts.map((f) => f.name).join(', ')).toBe(1);
    expect(harbor[0]).toMatchObject({ embedded: true, subset: true });
  });
});
