/**
 * Live scoring with two collaborators: a Fair Housing phrase typed by one agent
 * drops the compliance score for both within a second, the finding highlights
 * the text box for both, and the one-click fix (an ordinary Yjs change) brings
 * the score back for everyone.
 */
import type { Page } from '@playwright/test';
import { AGENT_B, expect, model, openEditor, selection, test, toScreen } from './fixtures.js';

const PHRASE = 'perfect for a couple with no kids';
const FAIR_HOUSING = 'fair-housing-wording';

const score = async (page: Page, category: 'brand' | 'compliance') =>
  Number(await page.getByTestId(`score-${category}`).getAttribute('data-score'));

/** Waits for the first pushed (or fetched) score and returns it. */
async function firstScore(page: Page): Promise<number> {
  await expect(page.getByTestId('score-compliance')).toHaveAttribute('data-score', /^\d+$/);
  return score(page, 'compliance');
}

test('a Fair Housing phrase drops the compliance score for both agents, highlights the text and is fixed in one click', async ({
  agentA,
  agentB,
  designId,
}) => {
  const A = agentA.page;
  const B = agentB.page;
  const share = await agentA.context.request.post(`/api/designs/${designId}/shares`, {
    headers: { 'X-Requested-With': 'e2e' },
    data: { email: AGENT_B, access: 'edit' },
  });
  expect(share.ok(), 'share the flyer with agent 2').toBeTruthy();
  await openEditor(A, designId);
  await openEditor(B, designId);
  const before = await firstScore(A);
  expect(await firstScore(B)).toBe(before);
  await expect(A.getByTestId('blocks-approval')).toHaveCount(0);
  let typedAt = 0;
  let recovered = 0;

  await test.step('agent A types the phrase into the description', async () => {
    const desc = (await model(A, 'desc'))!;
    const at = await toScreen(A, desc.x + desc.width / 2, desc.y + Math.min(desc.height, 30) / 2);
    await A.mouse.dblclick(at.x, at.y);
    await expect.poll(() => A.evaluate(() => (window as any).__realbrand.editor.binding.isEditingText())).toBe(true);
    await A.keyboard.press('Control+A');
    await A.keyboard.type(`Charming home, ${PHRASE}.`);
    await A.keyboard.press('Escape');
    typedAt = Date.now();
  });

  await test.step('within a second both see the compliance badge drop and the text box flagged', async () => {
    await Promise.all(
      [A, B].map((p) => expect.poll(() => score(p, 'compliance'), { timeout: 1_000, intervals: [50] }).toBeLessThan(before)),
    );
    expect(Date.now() - typedAt, 'ms from the last keystroke to both badges dropping').toBeLessThan(1_000);
    expect((await model(B, 'desc'))!.text).toContain(PHRASE);
    for (const p of [A, B]) {
      await expect(p.getByTestId('blocks-approval')).toBeVisible();
      await expect(p.locator('[data-testid="finding-marker"][data-object-id="desc"]')).toHaveAttribute('data-severity', 'error');
    }
  });

  await test.step('clicking the finding selects and highlights the text box, for each collaborator', async () => {
    for (const p of [A, B]) {
      await p.getByTestId('score-compliance').click();
      const finding = p.locator(`[data-testid="finding"][data-rule-id="${FAIR_HOUSING}"][data-object-ids="desc"]`).first();
      await expect(finding).toContainText('familial status');
      // The flagged words are quoted underlined, inside what was typed.
      const underlined = finding.getByTestId('finding-span').locator('u');
      await expect(underlined).toBeVisible();
      expect(PHRASE.toLowerCase()).toContain(((await underlined.textContent()) ?? '-').toLowerCase());
      await finding.locator('.finding-main').click();
      await expect(finding).toHaveClass(/focused/);
      await expect(p.locator('[data-testid="finding-marker"][data-object-id="desc"]')).toHaveClass(/focused/);
      await expect.poll(() => selection(p)).toEqual(['desc']);
    }
  });

  await test.step('agent B applies the fixes; the phrase is replaced and the score recovers for both', async () => {
    const fixes = B.locator(`[data-testid="finding"][data-rule-id="${FAIR_HOUSING}"] [data-testid="fix"]`);
    // One click per flagged phrase (the matcher may flag "perfect for a couple" and "no kids" separately).
    for (let i = 0; i < 5 && (await fixes.count()) > 0; i++) {
      const n = await fixes.count();
      await fixes.first().click();
      await expect.poll(() => fixes.count()).toBeLessThan(n);
    }
    // Back to at least the first score: typing over the sample description also cleared its
    // "sample content left in" warning, so the score may end above where it started.
    for (const p of [A, B]) {
      await expect.poll(() => score(p, 'compliance')).toBeGreaterThanOrEqual(before);
      await expect(p.getByTestId('blocks-approval')).toHaveCount(0);
      await expect(p.locator('[data-testid="finding-marker"][data-object-id="desc"][data-severity="error"]')).toHaveCount(0);
    }
    recovered = await score(A, 'compliance');
    await expect.poll(() => score(B, 'compliance')).toBe(recovered);
    const text = (await model(A, 'desc'))!.text as string;
    expect(text).toMatch(/^Charming home, /);
    expect(text).not.toContain('no kids');
    expect(text).not.toContain('for a couple');
  });

  await test.step('the fix is an ordinary change: agent B can undo it, agent A cannot', async () => {
    await expect(A.getByTestId('undo')).toBeEnabled(); // A's own typing
    await B.getByTestId('undo').click();
    await expect.poll(async () => /no kids|for a couple/.test((await model(A, 'desc'))!.text)).toBe(true);
    await expect.poll(() => score(A, 'compliance')).toBeLessThan(recovered);
  });
});
