import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AuthProvider, RequireAuth } from './auth.js';
import { ToastProvider } from './toasts.js';
import { LoginPage } from './features/auth/LoginPage.js';
import { DesignsPage } from './features/designs/DesignsPage.js';
import { NotFoundPage } from './components/NotFoundPage.js';
import { brandRoutes } from './features/brand/routes.js';
import { listingRoutes } from './features/listings/routes.js';
import { workflowRoutes } from './features/review/routes.js';
import { accountRoutes, signedOutAccountRoutes } from './features/auth/routes.js';

import { EditorPage } from './features/designs/editor-page.js';
import { AppShell } from './components/AppShell.js';
const PeoplePage = lazy(() => import('./features/admin/PeoplePage.js'));
const AcceptInvitePage = lazy(() => import('./features/auth/AcceptInvitePage.js'));

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
