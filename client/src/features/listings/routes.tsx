/** The listings route (a fragment for the app's <Routes>). */
import { lazy, Suspense } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth } from '../../auth.js';

const ListingsPage = lazy(() => import('./ListingsPage.js'));

export const listingRoutes = (
  <Route
    path="/listings"
    element={
      <RequireAuth>
        <Suspense
          fallback={
            <div className="page-loading">
              <div className="spinner" />
            </div>
          }
        >
          <ListingsPage />
        </Suspense>
      </RequireAuth>
    }
  />
);
