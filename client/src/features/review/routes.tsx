/** Routes of the review queue and the inbox (a fragment, mounted inside the app's <Routes>). */
import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth } from '../../auth.js';
import './workflow.css';

const ReviewQueuePage = lazy(() => import('./ReviewQueuePage.js').then((m) => ({ default: m.ReviewQueuePage })));
const InboxPage = lazy(() => import('./InboxPage.js').then((m) => ({ default: m.InboxPage })));

function Page({ children }: { children: ReactNode }) {
  return (
    <RequireAuth>
      <Suspense
        fallback={
          <div className="page-loading">
            <div className="spinner" />
          </div>
        }
      >
        {children}
      </Suspense>
    </RequireAuth>
  );
}

export const reviewRoutes = (
  <>
    <Route
      path="/reviews"
      element={
        <Page>
          <ReviewQueuePage />
        </Page>
      }
    />
    <Route
      path="/inbox"
      element={
        <Page>
          <InboxPage />
        </Page>
      }
    />
  </>
);
