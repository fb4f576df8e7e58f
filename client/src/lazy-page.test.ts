import { createElement, lazy, Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { lazyPage } from './lazy-page.js';

const Hello = ({ name }: { name: string }) => createElement('p', null, `Hello ${name}`);
const inSuspense = (el: ReturnType<typeof createElement>) =>
  renderToString(createElement(Suspense, { fallback: createElement('i', null, 'loading') }, el));

describe('lazyPage', () => {
  it('renders at once, with its props, when its code was preloaded before the first render', async () => {
    let loads = 0;
    const Page = lazyPage(async () => {
      loads++;
      return { default: Hello };
    });
    await Page.preload();
    const html = inSuspense(createElement(Page, { name: 'Ann' }));
    expect(html).toContain('<p>Hello Ann</p>');
    expect(html).not.toContain('loading');
    await Page.preload();
    expect(loads).toBe(1);
    // What React.lazy alone does in the same situation: a fallback first.
    const Plain = lazy(async () => ({ default: Hello }));
    expect(inSuspense(createElement(Plain, { name: 'Ann' }))).toContain('loading');
  });

  it('suspends while its code loads', () => {
    const Page = lazyPage(() => new Promise<never>(() => undefined));
    expect(inSuspense(createElement(Page, {}))).toContain('loading');
  });

  it('loads again after a failed load (a chunk that failed to download)', async () => {
    let attempt = 0;
    const Page = lazyPage(async () => {
      if (++attempt === 1) throw new Error('network');
      return { default: Hello };
    });
    await expect(Page.preload()).rejects.toThrow('network');
    await Page.preload();
    expect(inSuspense(createElement(Page, { name: 'Bo' }))).toContain('<p>Hello Bo</p>');
  });
});
