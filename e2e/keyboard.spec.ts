/**
 * Keyboard only: an agent logs in, opens a design, changes a text and submits it; the brand
 * manager logs in, opens the review queue and approves it — with Tab, arrows, Enter and typing,
 * never the mouse. Every element the Tab key reaches on the way must show that it has the focus
 * (an outline or a ring drawn with box-shadow), and have a name.
 */
import type { Page } from '@playwright/test';
import { AGENT_A, BRAND_MANAGER, expect, model, PASSWORD, test } from './fixtures.js';

const H = { 'X-Requested-With': 'e2e' };
const HEADLINE = 'status'; // the listing-flyer template's headline ("FOR SALE")

interface Focused {
  what: string;
  testId: string | null;
  href: string | null;
  text: string;
  name: string;
  ring: boolean;
  /** Nothing to show: the page itself, or the canvas's hidden text box while a text is edited (the caret shows). */
  exempt: boolean;
}

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { what: 'body', testId: null, href: null, text: '', name: '', ring: false, exempt: true };
    const visible = (s: CSSStyleDeclaration) =>
      (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !/rgba\(.*, 0\)$/.test(s.outlineColor)) || s.boxShadow !== 'none';
    // A ring on the element, or on what draws it (a control inside a styled wrapper that shows :focus-within).
    const ring =
      visible(getComputedStyle(el)) ||
      (!!el.parentElement && el.parentElement.matches(':focus-within') && visible(getComputedStyle(el.parentElement)));
    const labelled = (el as HTMLInputElement).labels?.length
      ? Array.from((el as HTMLInputElement).labels!)
          .map((l) => l.textContent ?? '')
          .join(' ')
      : '';
    const name =
      (el.getAttribute('aria-label') ?? labelled ?? '') || el.getAttribute('title') || el.innerText || el.getAttribute('placeholder') || '';
    return {
      what: `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : ''}`,
      testId: el.getAttribute('data-testid'),
      href: el.getAttribute('href'),
      text: (el.innerText ?? '').trim().slice(0, 40),
      name: name.trim(),
      ring,
      exempt: el.closest('.canvas-container') !== null,
    };
  });
}

/** Presses Tab until `match` holds for the focused element, noting every stop without a visible ring or a name. */
async function tabTo(page: Page, match: (f: Focused) => boolean, problems: string[], limit = 160): Promise<Focused> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f.exempt) {
      const where = `${new URL(page.url()).pathname} ${f.what}${f.testId ? `[${f.testId}]` : ''} "${f.text || f.name}"`;
      if (!f.ring) problems.push(`no visible focus: ${where}`);
      if (!f.name) problems.push(`no name: ${where}`);
    }
    if (match(f)) return f;
  }
  throw new Error(`Tab never reached the element after ${limit} presses (${new URL(page.url()).pathname})`);
}

async function logInByKeyboard(page: Page, email: string, problems: string[]): Promise<void> {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await tabTo(page, (f) => f.what.startsWith('input') && /email/i.test(f.name), problems);
  await page.keyboard.type(email);
  await tabTo(page, (f) => f.what.startsWith('input') && /password/i.test(f.name), problems);
  await page.keyboard.type(PASSWORD);
  await tabTo(page, (f) => f.text === 'Log in', problems);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/designs$/);
}

test('keyboard only: log in, open a design, change a text, submit; a brand manager approves', async ({ browser }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  const agentContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const agent = await agentContext.newPage();
  let id = '';

  await test.step('the agent logs in', async () => {
    await logInByKeyboard(agent, AGENT_A, problems);
    // The design to open, made for this test (so Tab meets a known card).
    const res = await agent.context().request.post('/api/designs', {
      headers: H,
      data: { title: `Keyboard flyer ${Date.now()}`, templateId: 'listing-flyer' },
    });
    id = ((await res.json()) as { id: string }).id;
    await agent.reload();
  });

  await test.step('opens the design from the list', async () => {
    await tabTo(agent, (f) => f.href === `/designs/${id}`, problems);
    await agent.keyboard.press('Enter');
    await expect(agent).toHaveURL(new RegExp(`/designs/${id}`));
    await expect(agent.getByTestId('connection-status')).toHaveText(/Connected|Live/);
    await expect(agent.locator('.canvas-loading')).toHaveCount(0);
    await expect(agent.getByTestId('layers')).toBeVisible();
  });

  await test.step('chooses the headline in the layers list and retypes it', async () => {
    await tabTo(agent, (f) => f.testId === 'layers', problems);
    const headlineRow = agent.locator(`[data-testid="layer"][data-object-id="${HEADLINE}"]`);
    for (let i = 0; i < 40 && !(await headlineRow.evaluate((e) => e.classList.contains('selected'))); i++)
      await agent.keyboard.press('ArrowDown');
    await expect(headlineRow).toHaveClass(/selected/);
    await agent.keyboard.press('Enter');
    await agent.keyboard.press('Control+a');
    await agent.keyboard.type('JUST LISTED');
    await agent.keyboard.press('Escape');
    await expect(agent.getByTestId('status')).toHaveAttribute('data-save', 'saved');
    // Checked in a fresh copy of the page with the test hook (the edit reached the server).
    await expect
      .poll(async () => {
        await agent.goto(`/designs/${id}?e2e`);
        await expect(agent.getByTestId('connection-status')).toHaveText('Connected');
        return (await model(agent, HEADLINE))?.text;
      })
      .toBe('JUST LISTED');
  });

  await test.step('submits it for review', async () => {
    await tabTo(agent, (f) => f.testId === 'submit-review', problems);
    await agent.keyboard.press('Enter');
    await expect(agent.getByTestId('submit-comment')).toBeFocused();
    await agent.keyboard.type('Ready for the weekend');
    await agent.keyboard.press('Enter');
    await expect(agent.getByTestId('design-status')).toHaveAttribute('data-status', 'in_review');
  });
  await agentContext.close();

  const managerContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const manager = await managerContext.newPage();
  await test.step('the brand manager logs in, opens the review queue and the design', async () => {
    await logInByKeyboard(manager, BRAND_MANAGER, problems);
    await tabTo(manager, (f) => f.href === '/reviews', problems);
    await manager.keyboard.press('Enter');
    await expect(manager.getByTestId('review-queue')).toBeVisible();
    await tabTo(manager, (f) => f.href === `/designs/${id}?review=1` && f.text === 'Review', problems);
    await manager.keyboard.press('Enter');
    await expect(manager.getByTestId('connection-status')).toHaveText(/Connected|Live/);
  });

  await test.step('and approves it', async () => {
    await tabTo(manager, (f) => f.testId === 'approve', problems);
    await manager.keyboard.press('Enter');
    await expect(manager.getByTestId('approve-comment')).toBeFocused();
    await manager.keyboard.press('Enter');
    await expect(manager.getByTestId('design-status')).toHaveAttribute('data-status', 'approved');
  });
  await managerContext.close();

  expect([...new Set(problems)]).toEqual([]);
});

test('the layers list is operated with arrows and Enter, not the canvas behind it', async ({ agentA, designId }) => {
  const page = agentA.page;
  await page.goto(`/designs/${designId}?e2e`);
  await expect(page.getByTestId('connection-status')).toHaveText('Connected');
  const list = page.getByTestId('layers');
  await list.focus();
  await page.keyboard.press('Home');
  const first = await page.evaluate(() => (window as any).__realbrand.editor.binding.selectedIds() as string[]);
  expect(first).toHaveLength(1);
  const before = (await model(page, first[0]!))!;
  await page.keyboard.press('ArrowDown');
  const second = await page.evaluate(() => (window as any).__realbrand.editor.binding.selectedIds() as string[]);
  expect(second).toHaveLength(1);
  expect(second[0]).not.toBe(first[0]);
  // The arrow chose a layer; it moved nothing.
  expect((await model(page, first[0]!))!.y).toBe(before.y);
  await expect(list).toBeFocused();
});
