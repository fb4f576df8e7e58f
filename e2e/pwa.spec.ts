/** Installable: a manifest with icons, and a service worker whose app shell opens offline. */
import { expect, test } from './fixtures.js';

test.use({ serviceWorkers: 'allow' });

test('the app has a manifest with icons and opens offline from its service worker', async ({ agentA }) => {
  const page = agentA.page;
  await page.goto('/designs');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = (await (await page.request.get(href!)).json()) as {
    name: string;
    start_url: string;
    display: string;
    icons: Array<{ src: string; sizes: string }>;
  };
  expect(manifest).toMatchObject({ name: 'RealBrand', start_url: '/designs', display: 'standalone' });
  for (const size of ['192x192', '512x512']) {
    const icon = manifest.icons.find((i) => i.sizes === size)!;
    const res = await page.request.get(icon.src);
    expect(res.headers()['content-type']).toBe('image/png');
  }
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload(); // now controlled by the worker, which keeps the shell
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await expect(page.getByRole('heading', { name: 'My designs' })).toBeVisible();
  await agentA.context.setOffline(true);
  await page.reload();
  // The app itself starts (not the browser's offline page), and says it can't reach the server.
  await expect(page.locator('#root')).not.toBeEmpty();
  expect(await page.title()).toBe('RealBrand');
  await agentA.context.setOffline(false);
});
