import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth.js';
import { Logo } from './Logo.js';
import { BrandNav } from '../brand/routes.js';
import { WorkflowNav } from '../workflow/routes.js';
import { NotificationBell } from '../workflow/NotificationBell.js';
import { ListingsNavLink } from '../pages/listings/routes.js';

const ROLE_LABEL = { agent: 'Agent', brand_manager: 'Brand manager', admin: 'Admin' } as const;

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join('');
}

export function AppHeader() {
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  return (
    <header className="app-header">
      <Link to="/designs" className="app-header-brand">
        <Logo small />
      </Link>
      {user && <span className="brokerage-name">{user.brokerageName}</span>}
      {user && <BrandNav role={user.role} />}
      {user && <ListingsNavLink />}
      {user && <WorkflowNav role={user.role} />}
      <div className="spacer" />
      {user && <NotificationBell />}
      {user && (
        <div className="user-chip">
          <span className="avatar">{initials(user.name)}</span>
          <span className="user-chip-text">
            <strong>{user.name}</strong>
            <span className="muted">{ROLE_LABEL[user.role]}</span>
          </span>
          <Link className="btn btn-ghost" to="/profile" data-testid="nav-profile">
            My profile
          </Link>
          <Link className="btn btn-ghost" to="/account/security" data-testid="nav-account">
            Security
          </Link>
          <button
            className="btn btn-ghost"
            onClick={async () => {
              await logout();
              navigate('/login');
            }}
          >
            Log out
          </button>
        </div>
      )}
    </header>
  );
}
