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
import { accountRoutes } from './pages/account/routes.js';

import { EditorPage } from './pages/editor-page.js';
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
              path="/admin/people"
              element={
                <RequireAuth>
                  <Suspense fallback={<div className="page-loading"><div className="spinner" /></div>}>
                    <PeoplePage />
                  </Suspense>
                </RequireAuth>
              }
            />
            <Route
              path="/designs"
              element={
                <RequireAuth>
                  <DesignsPage />
                </RequireAuth>
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
            {brandRoutes}
            {listingRoutes}
            {workflowRoutes}
            {accountRoutes}
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </AuthProvider>
      </ToastProvider>
    </BrowserRouter>
  );
}
