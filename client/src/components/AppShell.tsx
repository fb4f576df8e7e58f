/** The layout of every signed-in page but the editor: the header, then the page. */
import { Outlet } from 'react-router-dom';
import { RequireAuth } from '../auth.js';
import { AppHeader } from './AppHeader.js';

export function AppShell() {
  return (
    <RequireAuth>
      <div className="app-page">
        <AppHeader />
        <Outlet />
      </div>
    </RequireAuth>
  );
}
