/** Routes of the admin pages: the dashboard, people, the audit log and SSO (a fragment for the app's <Routes>, inside the shell). */
import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth } from '../../auth.js';
import { page } from '../../components/PageLoading.js';
import '../review/workflow.css';

const DashboardPage = lazy(() => import('./DashboardPage.js').then((m) => ({ default: m.DashboardPage })));
const PeoplePage = lazy(() => import('./PeoplePage.js'));
const AuditPage = lazy(() => import('./AuditPage.js'));
const SsoPage = lazy(() => import('./SsoPage.js'));

export const adminRoutes = (
  <>
    <Route path="/admin" element={<RequireAuth>{page(<DashboardPage />)}</RequireAuth>} />
    <Route path="/admin/people" element={page(<PeoplePage />)} />
    <Route path="/admin/audit" element={page(<AuditPage />)} />
    <Route path="/admin/sso" element={page(<SsoPage />)} />
  </>
);
