/** The listings route (a fragment for the app's <Routes>) and its header link. */
import { lazy, Suspense } from 'react';
import { NavLink, Route } from 'react-router-dom';
import { RequireAuth } from '../../auth.js';

const ListingsPage = lazy(() => import('./ListingsPage.js'));

export const listingRoutes = (
  <Route
    path="/listings"
    element={
      <RequireAuth>
        <Suspense fallback={<div className="page-loading"><div className="spinner" /></div>}>
          <ListingsPage />
        </Suspense>
      </RequireAuth>
    }
  />
);

export function ListingsNavLink() {
  return (
    <nav className="app-nav" aria-label="Listings">
      <NavLink to="/listings" data-testid="nav-listings">
        Listings
      </NavLink>
    </nav>
  );
}
