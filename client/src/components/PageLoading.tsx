/** What a route shows while its page's code loads, and the Suspense boundary every route puts around its page. */
import { Suspense, type ReactNode } from 'react';

export function PageLoading() {
  return (
    <div className="page-loading">
      <div className="spinner" />
    </div>
  );
}

/** A lazily loaded page inside its Suspense boundary, with the loading spinner meanwhile. */
export const page = (node: ReactNode) => <Suspense fallback={<PageLoading />}>{node}</Suspense>;
