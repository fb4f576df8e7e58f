/** Routes of the review, inbox and dashboard pages (a fragment, mounted inside the app's <Routes>). */
import { lazy, Suspense, type ReactNode } from 'react';
import { NavLink, Route } from 'react-router-dom';
import { RequireAuth } from '../auth.js';
import './workflow.css';

const ReviewQueuePage = lazy(() => import('./ReviewQueuePage.js').then((m) => ({ default: m.ReviewQueuePage })));
const InboxPage = lazy(() => import('./InboxPage.js').then((m) => ({ default: m.InboxPage })));
const DashboardPage = lazy(() => import('./DashboardPage.js').then((m) => ({ default: m.DashboardPage })));

function Page({ children }: { children: ReactNode }) {
  return (
    <RequireAuth>
      <Suspense fallback={<div className="page-loading"><div className="spinner" /></div>}>{children}</Suspense>
    </RequireAuth>
  );
}

export const workflowRoutes = (
  <>
    <Route path="/reviews" element={<Page><ReviewQueuePage /></Page>} />
    <Route path="/inbox" element={<Page><InboxPage /></Page>} />
    <Route path="/admin" element={<Page><DashboardPage /></Page>} />
  </>
);

/** Header links for a role. */
export function workflowLinks(role: 'agent' | 'brand_manager' | 'admin'): Array<{ to: string; label: string }> {
  const links: Array<{ to: string; label: string }> = [];
  if (role !== 'agent') links.push({ to: '/reviews', label: 'Reviews' });
  if (role !== 'agent') links.push({ to: '/admin', label: 'Dashboard' });
  return links;
}

/** The header's review and dashboard links (styled like the other app links). */
export function WorkflowNav({ role }: { role: 'agent' | 'brand_manager' | 'admin' }) {
  const links = workflowLinks(role);
  if (links.length === 0) return null;
  return (
    <nav className="app-nav" aria-label="Review and dashboard">
      {links.map((l) => (
        <NavLink key={l.to} to={l.to} data-testid={`nav-${l.to.slice(1)}`}>
          {l.label}
        </NavLink>
      ))}
    </nav>
  );
}
