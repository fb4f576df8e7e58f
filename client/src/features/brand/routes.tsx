/** Routes of the brand and compliance pages (a fragment, mounted inside the app's <Routes>). */
import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth } from '../../auth.js';
import { page } from '../../components/PageLoading.js';
import './nav.css';

const BrandGuidePage = lazy(() => import('./BrandGuidePage.js').then((m) => ({ default: m.BrandGuidePage })));
const BrandKitPage = lazy(() => import('./BrandKitPage.js').then((m) => ({ default: m.BrandKitPage })));
const CompliancePage = lazy(() => import('./CompliancePage.js').then((m) => ({ default: m.CompliancePage })));

export const brandRoutes = (
  <>
    <Route path="/brandguide" element={<RequireAuth>{page(<BrandGuidePage />)}</RequireAuth>} />
    <Route path="/brand-kit" element={<RequireAuth>{page(<BrandKitPage />)}</RequireAuth>} />
    <Route path="/compliance" element={<RequireAuth>{page(<CompliancePage />)}</RequireAuth>} />
  </>
);
