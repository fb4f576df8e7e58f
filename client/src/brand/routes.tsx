/** Routes of the brand and compliance pages (a fragment, mounted inside the app's <Routes>). */
import { lazy, Suspense, type ReactNode } from 'react';
import { NavLink, Route } from 'react-router-dom';
import { RequireAuth } from '../auth.js';
import './nav.css';

const BrandGuidePage = lazy(() => import('../pages/BrandGuidePage.js').then((m) => ({ default: m.BrandGuidePage })));
const BrandKitPage = lazy(() => import('../pages/BrandKitPage.js').then((m) => ({ default: m.BrandKitPage })));
const CompliancePage = lazy(() => import('../pages/CompliancePage.js').then((m) => ({ default: m.CompliancePage })));

function Page({ children }: { children: ReactNode }) {
  return (
    <RequireAuth>
      <Suspense fallback={<div className="page-loading"><div className="spinner" /></div>}>{children}</Suspense>
    </RequireAuth>
  );
}

export const brandRoutes = (
  <>
    <Route path="/brandguide" element={<Page><BrandGuidePage /></Page>} />
    <Route path="/brand-kit" element={<Page><BrandKitPage /></Page>} />
    <Route path="/compliance" element={<Page><CompliancePage /></Page>} />
  </>
);

/** Header links for a role: everyone reads the guide and the kit; brand managers and admins scan. */
export function brandLinks(role: 'agent' | 'brand_manager' | 'admin'): Array<{ to: string; label: string }> {
  const links = [
    { to: '/brandguide', label: 'Brand guide' },
    { to: '/brand-kit', label: 'Brand kit' },
  ];
  if (role !== 'agent') links.push({ to: '/compliance', label: 'Compliance' });
  return links;
}

/** The app header's page links for the logged-in user's role. */
export function BrandNav({ role }: { role: 'agent' | 'brand_manager' | 'admin' }) {
  return (
    <nav className="app-nav" aria-label="Main">
      <NavLink to="/designs" end>
        Designs
      </NavLink>
      {brandLinks(role).map((l) => (
        <NavLink key={l.to} to={l.to} data-testid={`nav-${l.to.slice(1)}`}>
          {l.label}
        </NavLink>
      ))}
    </nav>
  );
}
