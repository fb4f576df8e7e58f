/** The listings route (a fragment for the app's <Routes>). */
import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth } from '../../auth.js';
import { page } from '../../components/PageLoading.js';

const ListingsPage = lazy(() => import('./ListingsPage.js'));

export const listingRoutes = <Route path="/listings" element={<RequireAuth>{page(<ListingsPage />)}</RequireAuth>} />;
