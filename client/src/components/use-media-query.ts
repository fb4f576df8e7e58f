import { useSyncExternalStore } from 'react';

/** Whether a CSS media query matches now (re-renders when that changes). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      const m = window.matchMedia(query);
      m.addEventListener('change', notify);
      return () => m.removeEventListener('change', notify);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** The phone layout's breakpoint (quick edit instead of the full editor's panels). */
export const PHONE_QUERY = '(max-width: 699px)';

/** Below this width the checks and the comments drawers take turns (one open at a time). */
export const ONE_DRAWER_QUERY = '(max-width: 1439px)';
