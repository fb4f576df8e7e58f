/**
 * Multi-page designs (issue 6): a feature sheet shows one page at a time, new
 * objects land on the page shown, pages can be added and deleted, and the PDF
 * has one page per design page.
 */
import { pdfText } from '../server/test-support/poppler.js';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { AGENT_B, clickDesign, expect, findText, model, openEditor, test, toScreen } from './fixtures.js';

/** Ids of the design objects on this client's fabric canvas, sorted. */
function canvasIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { canvas, editor } = (window as any).__realbrand;
    return (canvas.getObjects() as unknown[])
      .map((o) => editor.binding.idOf(o) as string | undefined)
      .filter((id): id is string => !!id)
      .sort();
  });
}

/** Ids of the model objects on one (0-based) page, sorted. */
function modelIds(page: Page, p: number): Promise<string[]> {
  return page.evaluate((n) => {
    const out: string[] = [];
    (window as any).__realbrand.doc.getMap('objects').forEach((m: any, id: string) => {
      if ((m.get('page') ?? 0) === n) out.push(id);
    });
    return out.sort();
  }, p);
}

test.describe('multi-page designs', () => {
  test('feature sheet: page navigation, objects on page 2, add/delete page, 2-page PDF', async ({ agentA }) => {
    const A = agentA.page;
    const res = await agentA.context.request.post('/api/designs', {
      headers: { 'X-Requested-With': 'e2e' },
      data: { title: `E2E feature sheet ${Date.now()}`, templateId: 'feature-sheet' },
    });
    expect(res.status()).toBe(201);
    const { id: designId } = (await res.json()) as { id: string };
    await openEditor(A, designId);

    const front = await modelIds(A, 0);
    const back = await modelIds(A, 1);
    expect(front.length).toBeGreaterThan(5);
    expect(back.length).toBeGreaterThan(5);

    await test.step('page 1 shows only the front page', async () => {
      await expect(A.getByTestId('page-label')).toHaveText('Page 1 of 2');
      await expect.poll(() => canvasIds(A)).toEqual(front);
      await expect(A.getByTestId('layer')).toHaveCount(front.length);
    });

    await test.step('page 2 shows the back page (button), PageUp/PageDown switch', async () => {
      await A.getByTestId('page-next').click();
      await expect(A.getByTestId('page-label')).toHaveText('Page 2 of 2');
      await expect.poll(() => canvasIds(A)).toEqual(back);
      await expect(A.getByTestId('layer')).toHaveCount(back.length);
      await A.keyboard.press('PageUp');
      await expect(A.getByTestId('page-label')).toHaveText('Page 1 of 2');
      await A.keyboard.press('PageDown');
      await expect(A.getByTestId('page-label')).toHaveText('Page 2 of 2');
      await expect.poll(() => canvasIds(A)).toEqual(back);
      // Finding markers are drawn only for objects on the page shown.
      const marked = await A.locator('[data-testid="finding-marker"]').evaluateAll((els) =>
        els.map((e) => (e as HTMLElement).dataset.objectId ?? ''),
      );
      for (const id of marked) expect(back).toContain(id);
      // Awareness says which page I am on.
      expect(await A.evaluate(() => (window as any).__realbrand.editor.session.awareness.getLocalState().page)).toBe(1);
    });

    await test.step('a text added on page 2 is stored with page 1 (0-based)', async () => {
      await A.getByTestId('tool-text').click();
      await clickDesign(A, 420, 520);
      await A.keyboard.type('Back page note');
      await A.keyboard.press('Escape');
      await expect.poll(() => findText(A, 'Back page note')).toHaveLength(1);
      const [id] = await findText(A, 'Back page note');
      expect((await model(A, id))!.page).toBe(1);
      await expect.poll(() => canvasIds(A)).toContain(id);
      await expect(A.getByTestId('layer')).toHaveCount(back.length + 1);
    });

    await test.step('the PDF has one page per design page, with vector text from both', async () => {
      await A.getByTestId('export-button').click();
      const [pdf] = await Promise.all([A.waitForEvent('download'), A.getByTestId('export-pdf').click()]);
      const bytes = await readFile((await pdf.path())!);
      const text = bytes.toString('latin1');
      expect(text.match(/\/Type\s*\/Page(?!s)\b/g) ?? []).toHaveLength(2);
      // Real text in the embedded brand fonts, read as a user's tools do; the template's sample
      // listing copy is a placeholder (no listing merged) and is left out.
      const content = pdfText(new Uint8Array(bytes));
      expect(content).toContain('OVERVIEW');
      expect(content).toContain('Back page note');
      expect(content).not.toContain('1234 Magnolia Ridge Lane');
    });

    await test.step('PNG export is the page shown, named after it', async () => {
      await A.getByTestId('export-button').click();
      const [png] = await Promise.all([A.waitForEvent('download'), A.getByTestId('export-png').click()]);
      expect(png.suggestedFilename()).toMatch(/-p2\.png$/);
    });

    await test.step('add a page, then delete it again (undoable)', async () => {
      await A.getByTestId('page-add').click();
      await expect(A.getByTestId('page-label')).toHaveText('Page 3 of 3');
      await expect.poll(() => canvasIds(A)).toEqual([]);
      expect(await A.evaluate(() => (window as any).__realbrand.doc.getMap('meta').get('pages'))).toBe(3);
      await A.getByTestId('page-delete').click(); // empty page: no confirmation
      await expect(A.getByTestId('page-label')).toHaveText('Page 2 of 2');
      expect(await A.evaluate(() => (window as any).__realbrand.doc.getMap('meta').get('pages'))).toBe(2);
    });
  });
});

test.describe('multi-page designs, two agents', () => {
  test('remote page moves, presence per page, deleting a page with content and undo', async ({ agentA, agentB }) => {
    const A = agentA.page;
    const B = agentB.page;
    const res = await agentA.context.request.post('/api/designs', {
      headers: { 'X-Requested-With': 'e2e' },
      data: { title: `E2E feature sheet 2 ${Date.now()}`, templateId: 'feature-sheet' },
    });
    const { id: designId } = (await res.json()) as { id: string };
    await openEditor(A, designId);
    await A.getByTestId('share-button').click();
    await A.getByRole('dialog').getByLabel('Email').fill(AGENT_B);
    await A.getByRole('dialog').getByRole('button', { name: 'Share' }).click();
    await expect(A.getByTestId('share')).toHaveCount(1);
    await A.keyboard.press('Escape');
    await openEditor(B, designId);

    await test.step('a peer on another page shows no cursor; on the same page it does', async () => {
      await B.keyboard.press('PageDown');
      await expect(B.getByTestId('page-label')).toHaveText('Page 2 of 2');
      const p = await toScreen(B, 400, 400);
      await B.mouse.move(p.x, p.y);
      await B.mouse.move(p.x + 10, p.y + 10, { steps: 3 });
      await expect(A.locator(`[data-testid="avatar"][data-page="1"]`)).toHaveCount(1);
      await expect(A.getByTestId('remote-cursor')).toHaveCount(0);
      await A.keyboard.press('PageDown');
      await B.mouse.move(p.x + 20, p.y + 20, { steps: 3 });
      await expect(A.getByTestId('remote-cursor')).toHaveCount(1);
    });

    await test.step('B moves an object to page 1; A (on page 2) sees it leave, then come back', async () => {
      const id = 'photo1';
      await expect.poll(() => canvasIds(A)).toContain(id);
      await B.evaluate((oid) => (window as any).__realbrand.editor.setProps([oid], { page: 0 }), id);
      await expect.poll(() => canvasIds(A)).not.toContain(id);
      await expect(A.locator(`[data-testid="layer"][data-object-id="${id}"]`)).toHaveCount(0);
      await B.evaluate((oid) => (window as any).__realbrand.editor.setProps([oid], { page: 1 }), id);
      await expect.poll(() => canvasIds(A)).toContain(id);
    });

    await test.step('deleting page 1 asks first, removes its objects, shifts page 2 down; undo restores', async () => {
      const front = await modelIds(A, 0);
      const back = await modelIds(A, 1);
      // Brand-locked objects on the page: an agent may not delete it.
      const lockedOnFront = await A.evaluate(
        (ids) => ids.filter((id: string) => (window as any).__realbrand.doc.getMap('objects').get(id).get('locked') === true),
        front,
      );
      expect(lockedOnFront.length).toBeGreaterThan(0);
      await A.keyboard.press('PageUp');
      await expect(A.getByTestId('page-label')).toHaveText('Page 1 of 2');
      A.once('dialog', (d) => void d.accept());
      await A.getByTestId('page-delete').click();
      await expect(A.getByText(/locked by your brand manager/)).toBeVisible();
      expect(await modelIds(A, 0)).toEqual(front);

      // Unlocked pages go: add a page, put a shape on it, delete it.
      await A.getByTestId('page-add').click();
      await expect(A.getByTestId('page-label')).toHaveText('Page 3 of 3');
      await A.getByTestId('tool-rect').click();
      await clickDesign(A, 300, 300);
      await expect.poll(() => modelIds(A, 2)).toHaveLength(1);
      await expect.poll(() => modelIds(B, 2)).toHaveLength(1);
      let asked = '';
      A.once('dialog', (d) => ((asked = d.message()), void d.accept()));
      await A.getByTestId('page-delete').click();
      await expect(A.getByTestId('page-label')).toHaveText('Page 2 of 2');
      expect(asked).toMatch(/Delete page 3/);
      await expect.poll(() => modelIds(B, 2)).toHaveLength(0);
      await expect.poll(() => B.evaluate(() => (window as any).__realbrand.doc.getMap('meta').get('pages'))).toBe(2);
      expect(await modelIds(A, 1)).toEqual(back);
      // Undo brings the page and its shape back.
      await A.getByTestId('undo').click();
      await expect.poll(() => modelIds(B, 2)).toHaveLength(1);
      await expect.poll(() => A.evaluate(() => (window as any).__realbrand.doc.getMap('meta').get('pages'))).toBe(3);
    });
  });
});
