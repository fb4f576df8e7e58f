/** Onboarding and identity routes (fragments for the app's <Routes>): log-in, invitations, account security, profiles, first-run setup and the signed-out password reset pages. */
import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { page } from '../../components/PageLoading.js';
import { LoginPage } from './LoginPage.js';

const SecurityPage = lazy(() => import('./SecurityPage.js'));
const ProfilePage = lazy(() => import('./ProfilePage.js'));
const AcceptInvitePage = lazy(() => import('./AcceptInvitePage.js'));
const SetupPage = lazy(() => import('./SetupPage.js'));
const ForgotPasswordPage = lazy(() => import('./PasswordResetPages.js').then((m) => ({ default: m.ForgotPasswordPage })));
const ResetPasswordPage = lazy(() => import('./PasswordResetPages.js').then((m) => ({ default: m.ResetPasswordPage })));

/** Signed-in pages: they go inside the app shell, which asks for a session and draws the header. */
export const accountRoutes = [
  <Route key="security" path="/account/security" element={page(<SecurityPage />)} />,
  <Route key="profile" path="/profile" element={page(<ProfilePage />)} />,
  <Route key="person-profile" path="/admin/people/:id/profile" element={page(<ProfilePage />)} />,
];

/** Pages for people not signed in. */
export const signedOutAccountRoutes = [
  <Route key="login" path="/login" element={<LoginPage />} />,
  <Route key="invite" path="/invite/:token" element={page(<AcceptInvitePage />)} />,
  <Route key="forgot" path="/forgot-password" element={page(<ForgotPasswordPage />)} />,
  <Route key="reset" path="/reset-password/:token" element={page(<ResetPasswordPage />)} />,
  <Route key="setup" path="/setup" element={page(<SetupPage />)} />,
];
