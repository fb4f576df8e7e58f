import { createElement, lazy, type ComponentType } from 'react';

export interface LazyPage<P extends object> {
  (props: P): ReturnType<typeof createElement>;
  /** Starts loading the page's code; once it is in, the page renders at once. */
  preload(): Promise<unknown>;
}

/**
 * React.lazy, except that once the module has loaded the page renders at once
 * instead of suspending. React 19 keeps a revealed Suspense fallback on screen
 * for at least 300 ms, so a page whose code was preloaded (the editor, opened
 * by URL or after hovering its card) would otherwise wait for nothing.
 */
export function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): LazyPage<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<{ default: ComponentType<P> }> | null = null;
  const preload = () => {
    loading ??= load().then(
      (m) => ((loaded = m.default), m),
      (err: unknown) => {
        loading = null; // a failed chunk load may succeed later
        throw err;
      },
    );
    return loading;
  };
  const Suspending = lazy(preload);
  const Page = (props: P) => createElement((loaded ?? Suspending) as ComponentType<P>, props);
  return Object.assign(Page, { preload });
}
