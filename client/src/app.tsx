import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AuthProvider } from './auth.js';
import { ToastProvider } from './toasts.js';
import { NotFoundPage } from './components/NotFoundPage.js';
import { AppShell } from './components/AppShell.js';
import { designRoutes, editorRoutes } from './features/designs/routes.js';
import { brandRoutes } from './features/brand/routes.js';
import { listingRoutes } from './features/listings/routes.js';
import { reviewRoutes } from './features/review/routes.js';
import { adminRoutes } from './features/admin/routes.js';
import { accountRoutes, signedOutAccountRoutes } from './features/auth/routes.js';

/** The app: each feature brings its routes (features/<name>/routes.tsx); the shell's navigation is data (nav.ts). */
export function App() {
  return (
    <BrowserRouter>
      <ToastProvider>
        <AuthProvider>
          <Routes>
            <Route path="/" element={<Navigate to="/designs" replace />} />
            {editorRoutes}
            {/* Every other signed-in page: one layout (header + navigation from nav.ts), the page in its <Outlet/>. */}
            <Route element={<AppShell />}>
              {designRoutes}
              {brandRoutes}
              {listingRoutes}
              {reviewRoutes}
              {adminRoutes}
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
