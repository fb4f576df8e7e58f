/** Onboarding and identity routes (a fragment for the app's <Routes>): account security, profiles, the audit log, first-run setup and the signed-out password reset pages. */
import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth } from '../../auth.js';

const SecurityPage = lazy(() => import('./SecurityPage.js'));
const ProfilePage = lazy(() => import('./ProfilePage.js'));
const AuditPage = lazy(() => import('../admin/AuditPage.js'));
const SetupPage = lazy(() => import('../setup/SetupPage.js'));
const ForgotPasswordPage = lazy(() => import('./PasswordResetPages.js').then((m) => ({ default: m.ForgotPasswordPage })));
const ResetPasswordPage = lazy(() => import('./PasswordResetPages.js').then((m) => ({ default: m.ResetPasswordPage })));

const loading = <div className="page-loading"><div className="spinner" /></div>;
const page = (node: ReactNode) => <Suspense fallback={loading}>{node}</Suspense>;

export const accountRoutes = [
  <Route key="security" path="/account/security" element={<RequireAuth>{page(<SecurityPage />)}</RequireAuth>} />,
  <Route key="profile" path="/profile" element={<RequireAuth>{page(<ProfilePage />)}</RequireAuth>} />,
  <Route key="person-profile" path="/admin/people/:id/profile" element={<RequireAuth>{page(<ProfilePage />)}</RequireAuth>} />,
  <Route key="audit" path="/admin/audit" element={<RequireAuth>{page(<AuditPage />)}</RequireAuth>} />,
  <Route key="forgot" path="/forgot-password" element={page(<ForgotPasswordPage />)} />,
  <Route key="reset" path="/reset-password/:token" element={page(<ResetPasswordPage />)} />,
  <Route key="setup" path="/setup" element={page(<SetupPage />)} />,
];
