/** Routes of the brand and compliance pages (a fragment, mounted inside the app's <Routes>). */
import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth } from '../../auth.js';
import './nav.css';

const BrandGuidePage = lazy(() => import('./BrandGuidePage.js').then((m) => ({ default: m.BrandGuidePage })));
const BrandKitPage = lazy(() => import('./BrandKitPage.js').then((m) => ({ default: m.BrandKitPage })));
const CompliancePage = lazy(() => import('./CompliancePage.js').then((m) => ({ default: m.CompliancePage })));

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

export const brandRoutes = (
  <>
    <Route
      path="/brandguide"
      element={
        <Page>
          <BrandGuidePage />
        </Page>
      }
    />
    <Route
      path="/brand-kit"
      element={
        <Page>
          <BrandKitPage />
        </Page>
      }
    />
    <Route
      path="/compliance"
      element={
        <Page>
          <CompliancePage />
        </Page>
      }
    />
  </>
);
