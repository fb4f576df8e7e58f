import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AuthProvider, RequireAuth } from './auth.js';
import { ToastProvider } from './toasts.js';
import { LoginPage } from './pages/LoginPage.js';
import { DesignsPage } from './pages/DesignsPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { brandRoutes } from './brand/routes.js';
import { listingRoutes } from './pages/listings/routes.js';
import { workflowRoutes } from './workflow/routes.js';
import { accountRoutes, signedOutAccountRoutes } from './pages/account/routes.js';

import { EditorPage } from './pages/editor-page.js';
import { AppShell } from './components/AppShell.js';
const PeoplePage = lazy(() => import('./pages/admin/PeoplePage.js'));
const AcceptInvitePage = lazy(() => import('./pages/invite/AcceptInvitePage.js'));

export function App() {
  return (
    <BrowserRouter>
      <ToastProvider>
        <AuthProvider>
          <Routes>
            <Route path="/" element={<Navigate to="/designs" replace />} />
            <Route path="/login" element={<LoginPage />} />
            <Route
              path="/invite/:token"
              element={
                <Suspense fallback={<div className="page-loading"><div className="spinner" /></div>}>
                  <AcceptInvitePage />
                </Suspense>
              }
            />
            <Route
              path="/designs/:id"
              element={
                <RequireAuth>
                  <Suspense fallback={<div className="page-loading"><div className="spinner" /></div>}>
                    <EditorPage />
                  </Suspense>
                </RequireAuth>
              }
            />
            {/* Every other signed-in page: one layout (header + navigation from nav.ts), the page in its <Outlet/>. */}
            <Route element={<AppShell />}>
              <Route
                path="/admin/people"
                element={
                  <Suspense fallback={<div className="page-loading"><div className="spinner" /></div>}>
                    <PeoplePage />
                  </Suspense>
                }
              />
              <Route path="/designs" element={<DesignsPage />} />
              {brandRoutes}
              {listingRoutes}
              {workflowRoutes}
              {accountRoutes}
            </Route>
            {signedOutAccountRoutes}
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </AuthProvider>
      </ToastProvider>
    </BrowserRouter>
  );
}
